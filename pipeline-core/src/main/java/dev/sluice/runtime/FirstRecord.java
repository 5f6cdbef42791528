package dev.sluice.runtime;

import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import org.agrona.concurrent.status.AtomicCounter;

/** Notes when a slot's process first handled a record: what start-up and recovery times are measured to. */
final class FirstRecord {
    private final AtomicCounter counter;
    private boolean marked;

    FirstRecord(SlotCounters counters) {
        this.counter = counters.get(SlotField.FIRST_RECORD_MS);
    }

    void mark() {
        if (!marked) {
            marked = true;
            counter.setRelease(System.currentTimeMillis());
        }
    }
}
