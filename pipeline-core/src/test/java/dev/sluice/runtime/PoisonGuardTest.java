package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.counters.CounterSpec;
import dev.sluice.counters.RunCounters;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage side of poison detection step by step: what a process publishes about the record in flight, and what
 * its successor refuses once the supervisor has counted {@code poison-after} deaths on that record (CRASHES, set
 * here as the supervisor's PoisonEvidence sets it).
 */
class PoisonGuardTest {
    private static final int POISON_AFTER = 2;

    @TempDir
    Path dir;
    private RunCounters counters;
    private SlotCounters slot;

    @BeforeEach
    void createCounters() {
        counters = RunCounters.create(dir.resolve("control.dat"), "p", List.of(new CounterSpec("s", 1, 1)));
        slot = counters.slot(0, 0);
    }

    @AfterEach
    void closeCounters() {
        counters.close();
    }

    @Test
    void shouldPublishTheRecordInFlightAndWithdrawItAfterTheDocument() {
        PoisonGuard guard = new PoisonGuard(slot, POISON_AFTER);
        guard.enter(1, 40);
        guard.check(1, 40, 7);
        assertEquals(List.of(2L, 40L, 7L), inFlight());
        guard.leave();
        assertEquals(0, slot.get(SlotField.IN_FLIGHT_QUEUE).get(), "a crash now accuses no record");
    }

    @Test
    void shouldRefuseOnlyTheRecordThatKilledItsProcessPoisonAfterTimes() {
        diesIn(1, 40, 7);
        slot.get(SlotField.CRASHES).setRelease(POISON_AFTER - 1);
        PoisonGuard notYet = new PoisonGuard(slot, POISON_AFTER);
        notYet.enter(1, 40);
        notYet.check(1, 40, 7); // one death is not enough

        slot.get(SlotField.CRASHES).setRelease(POISON_AFTER); // it died in it again
        PoisonGuard guard = new PoisonGuard(slot, POISON_AFTER);
        assertEquals(0, slot.get(SlotField.IN_FLIGHT_QUEUE).get(), "nothing in flight until its first document");
        guard.enter(1, 40);
        guard.check(1, 40, 6);
        guard.check(0, 40, 7);
        PoisonRecordException refused = assertThrows(PoisonRecordException.class, () -> guard.check(1, 40, 7));
        assertTrue(refused.getMessage().contains("crashed or hung 2 times in a row"), refused.getMessage());
    }

    @Test
    void shouldCountDeathsAfreshOnceTheSlotProgresses() {
        slot.get(SlotField.CRASHES).setRelease(1);
        PoisonGuard guard = new PoisonGuard(slot, POISON_AFTER);
        guard.progressed();
        assertEquals(0, slot.get(SlotField.CRASHES).get());
    }

    private void diesIn(int queue, long doc, int index) {
        PoisonGuard guard = new PoisonGuard(slot, POISON_AFTER);
        guard.enter(queue, doc);
        guard.check(queue, doc, index); // and the process dies here
    }

    private List<Long> inFlight() {
        return List.of(slot.get(SlotField.IN_FLIGHT_QUEUE).get(), slot.get(SlotField.IN_FLIGHT_DOC).get(),
                slot.get(SlotField.IN_FLIGHT_INDEX).get());
    }
}
