package dev.sluice.supervisor;

import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import java.util.Arrays;

/**
 * Decides whether a slot's process died of the record it had in flight, and counts such deaths in the
 * slot's CRASHES counter, which the slot's next process compares with {@code poison-after}. A record can
 * make its process exit, abort, run out of memory or hang, but it cannot send it a kill signal: a kill -9
 * from a person or the OOM killer is no evidence against it, while our own kill of a process hung in a
 * record is. Only deaths on the same record in a row count; the slot resets the count when it progresses.
 */
final class PoisonEvidence {
    private static final int SIGKILLED = 128 + 9;
    private static final int SIGTERMED = 128 + 15;

    private final SlotCounters counters;
    private long[] lastAccused;

    PoisonEvidence(SlotCounters counters) {
        this.counters = counters;
    }

    /** Whether the slot's process is in a record now (its queue, document and index are then published). */
    boolean inRecord() {
        return counters.get(SlotField.IN_FLIGHT_QUEUE).get() > 0;
    }

    /** The record in flight, for messages. */
    String record() {
        return "record " + counters.get(SlotField.IN_FLIGHT_INDEX).get() + " of input "
                + (counters.get(SlotField.IN_FLIGHT_QUEUE).get() - 1) + " document " + counters.get(SlotField.IN_FLIGHT_DOC).get();
    }

    /** After the slot's process exited with {@code exitCode}; {@code hungInRecord} if our hang detection killed it. */
    void exited(int exitCode, boolean hungInRecord) {
        boolean killed = exitCode == SIGKILLED || exitCode == SIGTERMED;
        if (!inRecord() || (killed && !hungInRecord)) {
            return;
        }
        long[] accused = {counters.get(SlotField.IN_FLIGHT_QUEUE).get(), counters.get(SlotField.IN_FLIGHT_DOC).get(),
                counters.get(SlotField.IN_FLIGHT_INDEX).get()};
        if (lastAccused != null && !Arrays.equals(lastAccused, accused)) {
            counters.get(SlotField.CRASHES).setRelease(1); // another record: the count starts again
        } else {
            counters.get(SlotField.CRASHES).incrementRelease();
        }
        lastAccused = accused;
    }
}
