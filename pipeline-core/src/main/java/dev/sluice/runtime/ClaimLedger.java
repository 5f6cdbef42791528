package dev.sluice.runtime;

import dev.sluice.counters.ProcessState;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import java.util.List;
import java.util.function.BiPredicate;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * How a worker slot claims input ranges so that a kill -9 at any instant loses or doubles none.
 * Claims vary in size (ClaimSizer); the claim counter holds the next claim's size with its start
 * ({@link PackedClaim}), so every slot that intends a range intends the same one.
 *
 * <p>A claim is made in three steps: publish the intent (queue, first document) in the slot's
 * counters, compare-and-set the stage's claim counter from that document to the range's end, then
 * mark the claim owned. A restarted slot that finds an owned claim finishes it. One that finds only
 * an intent must decide whether its predecessor's compare-and-set succeeded: if the counter never
 * moved past it, it did not; if another slot owns that range, or a sibling's output already covers
 * it, it did not; otherwise the range was taken by a process that is gone, and exactly one restarted
 * slot (the lowest-numbered among those that published the same intent) adopts it.
 */
final class ClaimLedger {
    /** A claimed range of one input queue: {@code size} documents from {@code from}. */
    record Claim(int queue, long from, int size) {
        long to() {
            return from + size;
        }
    }

    private final List<SlotCounters> slots;
    private final int self;
    private final SlotCounters mine;

    ClaimLedger(List<SlotCounters> slots, int self) {
        this.slots = slots;
        this.self = self;
        this.mine = slots.get(self);
    }

    /**
     * Claims the next range of {@code queue}.
     *
     * @param firstSize the size of the very first claim (the counter holds none yet)
     * @param nextSize  the size this slot wants the claim after this one to have
     */
    Claim claim(int queue, AtomicCounter claims, int firstSize, int nextSize) {
        while (true) {
            long value = claims.get();
            long from = PackedClaim.nextDoc(value);
            int size = PackedClaim.nextSize(value) == 0 ? firstSize : PackedClaim.nextSize(value);
            mine.get(SlotField.CLAIM_OWNED).setRelease(0);
            mine.get(SlotField.CLAIM).setRelease(from);
            mine.get(SlotField.CLAIM_SIZE).setRelease(size);
            mine.get(SlotField.CLAIM_QUEUE).setRelease(queue + 1);
            if (claims.compareAndSet(value, PackedClaim.pack(from + size, nextSize))) {
                mine.get(SlotField.CLAIM_OWNED).setRelease(1);
                return new Claim(queue, from, size);
            }
        }
    }

    void release() {
        mine.get(SlotField.CLAIM_QUEUE).setRelease(0);
    }

    /**
     * The claim a previous process of this slot held, or null.
     *
     * @param claims     each input queue's claim counter
     * @param covered    whether a sibling's output already answers to (queue, document)
     */
    Claim recover(List<AtomicCounter> claims, BiPredicate<Integer, Long> covered) {
        int queue = (int) mine.get(SlotField.CLAIM_QUEUE).get() - 1;
        if (queue < 0) {
            return null;
        }
        long from = mine.get(SlotField.CLAIM).get();
        int size = (int) mine.get(SlotField.CLAIM_SIZE).get();
        if (mine.get(SlotField.CLAIM_OWNED).get() == 1) {
            return new Claim(queue, from, size);
        }
        if (PackedClaim.nextDoc(claims.get(queue).get()) <= from) {
            release();
            return null;
        }
        IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        while (anotherLiveSlotIntends(queue, from)) {
            idle.idle(); // it is between its publish and its compare-and-set: microseconds
        }
        if (ownedByAnother(queue, from) || covered.test(queue, from) || lowerDeadSlotIntends(queue, from)) {
            release();
            return null;
        }
        mine.get(SlotField.CLAIM_OWNED).setRelease(1);
        return new Claim(queue, from, size);
    }

    private boolean intends(SlotCounters slot, int queue, long from) {
        return slot.get(SlotField.CLAIM_QUEUE).get() == queue + 1 && slot.get(SlotField.CLAIM).get() == from;
    }

    private boolean anotherLiveSlotIntends(int queue, long from) {
        for (int i = 0; i < slots.size(); i++) {
            SlotCounters slot = slots.get(i);
            if (i != self && intends(slot, queue, from) && slot.get(SlotField.CLAIM_OWNED).get() == 0 && isLive(slot)) {
                return true;
            }
        }
        return false;
    }

    private boolean ownedByAnother(int queue, long from) {
        for (int i = 0; i < slots.size(); i++) {
            if (i != self && intends(slots.get(i), queue, from) && slots.get(i).get(SlotField.CLAIM_OWNED).get() == 1) {
                return true;
            }
        }
        return false;
    }

    private boolean lowerDeadSlotIntends(int queue, long from) {
        for (int i = 0; i < self; i++) {
            if (intends(slots.get(i), queue, from) && !isLive(slots.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLive(SlotCounters slot) {
        ProcessState state = slot.state();
        long pid = slot.get(SlotField.PID).get();
        return (state == ProcessState.RUNNING || state == ProcessState.STARTING) && pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
