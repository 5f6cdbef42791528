package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.counters.CounterSpec;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.RunCounters;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim protocol step by step (intent, compare-and-set, owned), with a process dying between any two steps, over
 * a real control file and a fake clock: the interleavings that kill -9 chaos runs reach only by luck.
 */
class ClaimLedgerTest {
    private static final long SILENCE_MS = 1_000;
    private static final int SIZE = 8;
    private static final BiPredicate<Integer, Long> NOTHING_COVERED = (queue, doc) -> false;
    private static final IdleStrategy MUST_NOT_WAIT = new Idle(() -> fail("waited for a sibling that is not claiming"));

    @TempDir
    Path dir;
    private RunCounters counters;
    private final CachedEpochClock clock = new CachedEpochClock();
    private final List<SlotCounters> slots = new ArrayList<>();
    private AtomicCounter claims;

    @BeforeEach
    void createCounters() {
        counters = RunCounters.create(dir.resolve("control.dat"), "p", List.of(new CounterSpec("work", 3, 1)));
        for (int w = 0; w < 3; w++) {
            slots.add(counters.slot(0, w));
        }
        claims = counters.inputPosition(0, 0);
        clock.update(1_000_000);
    }

    @AfterEach
    void closeCounters() {
        counters.close();
    }

    @Test
    void shouldFinishAnOwnedClaimAfterARestart() {
        running(1);
        ClaimLedger.Claim claim = ledger(1, MUST_NOT_WAIT).claim(0, claims, SIZE, SIZE);

        restarting(1);
        assertEquals(claim, ledger(1, MUST_NOT_WAIT).recover(List.of(claims), NOTHING_COVERED));
    }

    @Test
    void shouldDropAnIntentWhoseCompareAndSetNeverHappened() {
        running(1);
        ledger(1, MUST_NOT_WAIT).intend(0, claims.get(), SIZE); // killed here

        restarting(1);
        assertNull(ledger(1, MUST_NOT_WAIT).recover(List.of(claims), NOTHING_COVERED));
        assertEquals(0, slots.get(1).get(SlotField.CLAIM_QUEUE).get(), "the intent is withdrawn");
        running(2);
        assertEquals(0, ledger(2, MUST_NOT_WAIT).claim(0, claims, SIZE, SIZE).from(), "the range is claimed afresh");
    }

    @Test
    void shouldAdoptARangeWhoseCompareAndSetSucceededButWasNeverMarkedOwned() {
        running(1);
        diedAfterCompareAndSet(1);

        restarting(1);
        assertEquals(new ClaimLedger.Claim(0, 0, SIZE), ledger(1, MUST_NOT_WAIT).recover(List.of(claims), NOTHING_COVERED));
        assertEquals(1, slots.get(1).get(SlotField.CLAIM_OWNED).get());
    }

    @Test
    void shouldLeaveARangeThatASiblingsOutputAlreadyCovers() {
        running(1);
        diedAfterCompareAndSet(1);

        restarting(1);
        assertNull(ledger(1, MUST_NOT_WAIT).recover(List.of(claims), (queue, doc) -> queue == 0 && doc == 0));
    }

    @Test
    void shouldWaitForARunningSiblingBetweenItsIntentAndOwnedThenLeaveItTheRange() {
        running(0);
        running(1);
        long value = claims.get();
        ledger(1, MUST_NOT_WAIT).intend(0, value, SIZE); // killed after its intent
        ClaimLedger sibling = ledger(0, MUST_NOT_WAIT);
        ClaimLedger.Claim siblings = sibling.intend(0, value, SIZE);
        assertTrue(ClaimLedger.take(claims, value, siblings, SIZE)); // the sibling's compare-and-set wins...

        restarting(1);
        Idle idle = new Idle(sibling::own); // ... and it marks the range owned while slot 1 waits
        assertNull(ledger(1, idle).recover(List.of(claims), NOTHING_COVERED));
        assertEquals(1, idle.calls);
    }

    @Test
    void shouldAdoptTheRangeWhenTheRunningSiblingsCompareAndSetFails() {
        running(0);
        running(1);
        long value = claims.get();
        ClaimLedger sibling = ledger(0, MUST_NOT_WAIT);
        sibling.intend(0, value, SIZE); // about to compare-and-set...
        diedAfterCompareAndSet(1); // ... when slot 1 takes the range first, and dies

        restarting(1);
        List<ClaimLedger.Claim> siblingClaims = new ArrayList<>();
        Idle idle = new Idle(() -> siblingClaims.add(sibling.claim(0, claims, SIZE, SIZE))); // it fails, claims on
        assertEquals(new ClaimLedger.Claim(0, 0, SIZE), ledger(1, idle).recover(List.of(claims), NOTHING_COVERED));
        assertEquals(List.of(new ClaimLedger.Claim(0, SIZE, SIZE)), siblingClaims);
    }

    @Test
    void shouldLetExactlyOneOfTwoRestartingSlotsAdoptWithoutEitherWaitingForTheOther() {
        running(0);
        running(2);
        long value = claims.get();
        ledger(0, MUST_NOT_WAIT).intend(0, value, SIZE); // killed after its intent
        ClaimLedger.Claim intent = ledger(2, MUST_NOT_WAIT).intend(0, value, SIZE);
        assertTrue(ClaimLedger.take(claims, value, intent, SIZE)); // killed after its compare-and-set

        restarting(0);
        restarting(2);
        assertNull(ledger(2, MUST_NOT_WAIT).recover(List.of(claims), NOTHING_COVERED), "the lower slot adopts it");
        assertEquals(intent, ledger(0, MUST_NOT_WAIT).recover(List.of(claims), NOTHING_COVERED));
        assertNull(ledger(2, MUST_NOT_WAIT).recover(List.of(claims), NOTHING_COVERED), "in either order");
    }

    @Test
    void shouldJudgeASiblingByItsHeartbeatNotByAPidThatALiveProcessNowHas() {
        running(0);
        running(2);
        long value = claims.get();
        ledger(0, MUST_NOT_WAIT).intend(0, value, SIZE); // both killed with the supervisor: their state stays RUNNING
        ledger(2, MUST_NOT_WAIT).intend(0, value, SIZE);
        diedAfterCompareAndSet(1);
        for (int dead : new int[] {0, 2}) {
            slots.get(dead).get(SlotField.PID).setRelease(ProcessHandle.current().pid()); // the pid lives on
        }
        clock.advance(SILENCE_MS + 1);

        restarting(1);
        assertNull(ledger(1, MUST_NOT_WAIT).recover(List.of(claims), NOTHING_COVERED),
                "slot 0 is silent, so not claiming: it adopts the range when it restarts");
        assertEquals(ProcessState.RUNNING, slots.get(0).state());
    }

    @Test
    void shouldFailWithAClearErrorWhenARunningSiblingNeverSettlesItsIntent() {
        running(0);
        running(1);
        long value = claims.get();
        ledger(0, MUST_NOT_WAIT).intend(0, value, SIZE); // it goes on beating but never compares-and-sets
        diedAfterCompareAndSet(1);

        restarting(1);
        Idle idle = new Idle(() -> {
            clock.advance(100);
            beat(0);
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ledger(1, idle).recover(List.of(claims), NOTHING_COVERED));
        assertTrue(e.getMessage().contains("worker 1 cannot settle its claim of input 0 documents [0, 8): worker 0"
                + " has intended the same range without owning it for over 2000 ms"), e.getMessage());
        assertEquals(21, idle.calls, "it waited until the deadline, no longer");
    }

    private ClaimLedger ledger(int self, IdleStrategy idle) {
        return new ClaimLedger(slots, self, new SlotLiveness(clock, SILENCE_MS), idle);
    }

    /** Intent and compare-and-set done, killed before marking the range owned. */
    private void diedAfterCompareAndSet(int slot) {
        long value = claims.get();
        ClaimLedger.Claim intent = ledger(slot, MUST_NOT_WAIT).intend(0, value, SIZE);
        assertTrue(ClaimLedger.take(claims, value, intent, SIZE));
    }

    private void running(int slot) {
        slots.get(slot).state(ProcessState.RUNNING);
        beat(slot);
    }

    /** As the supervisor and the slot's new process leave it while it recovers. */
    private void restarting(int slot) {
        slots.get(slot).state(ProcessState.STARTING);
        beat(slot);
    }

    private void beat(int slot) {
        slots.get(slot).get(SlotField.HEARTBEAT_MS).setRelease(clock.time());
    }

    /** An idle strategy that does one step of another process instead of sleeping. */
    private static final class Idle implements IdleStrategy {
        private final Runnable step;
        int calls;

        Idle(Runnable step) {
            this.step = step;
        }

        @Override
        public void idle(int workCount) {
            idle();
        }

        @Override
        public void idle() {
            calls++;
            step.run();
        }

        @Override
        public void reset() {
        }
    }
}
