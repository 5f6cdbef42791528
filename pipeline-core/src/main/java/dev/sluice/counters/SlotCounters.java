package dev.sluice.counters;

import java.util.EnumMap;
import java.util.Map;
import org.agrona.concurrent.status.AtomicCounter;

/** One slot's (stage, worker) counters, writable. */
public final class SlotCounters {
    private final Map<SlotField, AtomicCounter> counters;

    SlotCounters(Map<SlotField, AtomicCounter> counters) {
        this.counters = new EnumMap<>(counters);
    }

    public AtomicCounter get(SlotField field) {
        return counters.get(field);
    }

    public void state(ProcessState state) {
        counters.get(SlotField.STATE).setRelease(state.code());
    }

    public ProcessState state() {
        return ProcessState.of(counters.get(SlotField.STATE).get());
    }
}
