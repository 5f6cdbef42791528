package dev.sluice.runtime;

import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Finds records that kill their process (System.exit, OOM, a native crash, or a hang that the supervisor
 * ends). Every record's place is published before it is processed, and withdrawn once its document is
 * done, so the supervisor knows whether a record was in flight when the process died; it counts such
 * deaths, and a slot restarted after {@code poison-after} of them without progress refuses that record.
 * A process that dies outside any record (in open, flush or a snapshot) accuses none.
 */
final class PoisonGuard {
    private final AtomicCounter queue;
    private final AtomicCounter doc;
    private final AtomicCounter index;
    private final AtomicCounter crashes;
    private final long poisonQueue;
    private final long poisonDoc;
    private final long poisonIndex;
    private final long crashesAtStart;

    PoisonGuard(SlotCounters counters, int poisonAfter) {
        this.queue = counters.get(SlotField.IN_FLIGHT_QUEUE);
        this.doc = counters.get(SlotField.IN_FLIGHT_DOC);
        this.index = counters.get(SlotField.IN_FLIGHT_INDEX);
        this.crashes = counters.get(SlotField.CRASHES);
        this.crashesAtStart = crashes.get();
        boolean poisoned = crashesAtStart >= poisonAfter && queue.get() > 0;
        this.poisonQueue = poisoned ? queue.get() - 1 : -1;
        this.poisonDoc = poisoned ? doc.get() : -1;
        this.poisonIndex = poisoned ? index.get() : -1;
        queue.setRelease(0); // this process has no record in flight until its first document
    }

    /** Called before each document. */
    void enter(int inputQueue, long docSeq) {
        doc.setRelease(docSeq);
        queue.setRelease(inputQueue + 1);
    }

    /** Called before each record; throws for the poisoned one. */
    void check(int inputQueue, long docSeq, int recordIndex) throws PoisonRecordException {
        index.setOpaque(recordIndex); // per record: no fence, but never optimised away
        if (recordIndex == poisonIndex && docSeq == poisonDoc && inputQueue == poisonQueue) {
            throw new PoisonRecordException(crashesAtStart);
        }
    }

    /**
     * Called after each document: no record is in flight, so a crash from here on (a snapshot, a flush, an
     * append) is not blamed on the last record handled.
     */
    void leave() {
        queue.setRelease(0);
    }

    /** The slot made progress (appended or snapshotted): crashes from now on count afresh. */
    void progressed() {
        if (crashes.get() != 0) {
            crashes.setRelease(0);
        }
    }
}
