package dev.sluice.runtime;

import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import java.util.List;
import java.util.function.BiPredicate;
import org.agrona.concurrent.IdleStrategy;
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
 * moved past it, it did not; if a running slot intends the same range, that one is between its publish and
 * its compare-and-set (microseconds), so wait until it owns the range or moves on; if another slot owns that
 * range, or a sibling's output already covers it, it did not; otherwise the range was taken by a process
 * that is gone, and exactly one slot adopts it: the lowest-numbered among those (dead or, like this one,
 * restarting) that published the same intent. A restarting slot never compare-and-sets, so two
 * restarting slots never wait for each other. Liveness is read from the heartbeat ({@link SlotLiveness}),
 * not from pids, and the wait has a deadline.
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
    private final SlotLiveness liveness;
    private final IdleStrategy idle;

    /**
     * @param liveness judges whether a sibling runs (a sibling silent for longer than its silence is not)
     * @param idle     how to wait for a sibling between its publish and its compare-and-set
     */
    ClaimLedger(List<SlotCounters> slots, int self, SlotLiveness liveness, IdleStrategy idle) {
        this.slots = slots;
        this.self = self;
        this.mine = slots.get(self);
        this.liveness = liveness;
        this.idle = idle;
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
            Claim intent = intend(queue, value, firstSize);
            if (take(claims, value, intent, nextSize)) {
                own();
                return intent;
            }
        }
    }

    /** Step 1: publishes the intent to claim the range that follows the claim counter's {@code value}. */
    Claim intend(int queue, long value, int firstSize) {
        long from = PackedClaim.nextDoc(value);
        int size = PackedClaim.nextSize(value) == 0 ? firstSize : PackedClaim.nextSize(value);
        mine.get(SlotField.CLAIM_OWNED).setRelease(0);
        mine.get(SlotField.CLAIM).setRelease(from);
        mine.get(SlotField.CLAIM_SIZE).setRelease(size);
        mine.get(SlotField.CLAIM_QUEUE).setRelease(queue + 1);
        return new Claim(queue, from, size);
    }

    /** Step 2: takes the intended range, if the counter still holds {@code value}. */
    static boolean take(AtomicCounter claims, long value, Claim intent, int nextSize) {
        return claims.compareAndSet(value, PackedClaim.pack(intent.to(), nextSize));
    }

    /** Step 3: marks the range taken as this slot's. */
    void own() {
        mine.get(SlotField.CLAIM_OWNED).setRelease(1);
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
        awaitRunningClaimants(queue, from, size);
        // in this order: a lower slot adopts, finishes and releases; an owner finishes and releases; and what
        // either finished, its output covers
        if (lowerSlotIntends(queue, from) || ownedByAnother(queue, from) || covered.test(queue, from)) {
            release();
            return null;
        }
        own();
        return new Claim(queue, from, size);
    }

    private boolean intends(SlotCounters slot, int queue, long from) {
        return slot.get(SlotField.CLAIM_QUEUE).get() == queue + 1 && slot.get(SlotField.CLAIM).get() == from;
    }

    /**
     * Waits while a running sibling intends the same range without owning it: it is between its publish and its
     * compare-and-set. That takes microseconds unless the sibling is paused (a long GC, SIGSTOP), which the
     * supervisor ends as a hang; and a sibling that stops beating stops counting as running, so the wait ends by
     * itself; if it has not after twice the silence allowed, the ledger is not as this protocol
     * leaves it, and the slot fails (and is restarted) rather than guess.
     */
    private void awaitRunningClaimants(int queue, long from, int size) {
        long deadline = liveness.now() + 2 * liveness.silenceMillis();
        idle.reset();
        for (int other = runningClaimant(queue, from); other >= 0; other = runningClaimant(queue, from)) {
            if (liveness.now() > deadline) {
                throw new IllegalStateException("worker " + self + " cannot settle its claim of input " + queue
                        + " documents [" + from + ", " + (from + size) + "): worker " + other + " has intended"
                        + " the same range without owning it for over " + 2 * liveness.silenceMillis() + " ms"
                        + " while beating (heartbeat " + liveness.heartbeatAge(slots.get(other)) + " ms old)");
            }
            mine.get(SlotField.HEARTBEAT_MS).setRelease(liveness.now()); // waiting with a deadline is not hanging
            idle.idle();
        }
    }

    private int runningClaimant(int queue, long from) {
        for (int i = 0; i < slots.size(); i++) {
            SlotCounters slot = slots.get(i);
            if (i != self && intends(slot, queue, from) && slot.get(SlotField.CLAIM_OWNED).get() == 0
                    && liveness.isRunning(slot)) {
                return i;
            }
        }
        return -1;
    }

    private boolean ownedByAnother(int queue, long from) {
        for (int i = 0; i < slots.size(); i++) {
            if (i != self && intends(slots.get(i), queue, from) && slots.get(i).get(SlotField.CLAIM_OWNED).get() == 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a lower-numbered slot intends the range: after the wait, none that intends it is between its publish
     * and its compare-and-set, so it is restarting (or dead, to restart) and adopts it, or has adopted it.
     */
    private boolean lowerSlotIntends(int queue, long from) {
        for (int i = 0; i < self; i++) {
            if (intends(slots.get(i), queue, from)) {
                return true;
            }
        }
        return false;
    }
}
