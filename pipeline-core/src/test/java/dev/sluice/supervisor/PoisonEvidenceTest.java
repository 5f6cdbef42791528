package dev.sluice.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The supervisor's side of poison detection: which exits count against the record in flight. */
class PoisonEvidenceTest {
    private static final int CRASHED = 1;
    private static final int KILLED = 137;

    @TempDir
    Path dir;
    private RunCounters counters;
    private SlotCounters slot;
    private PoisonEvidence evidence;

    @BeforeEach
    void createCounters() {
        counters = RunCounters.create(dir.resolve("control.dat"), "p", List.of(new CounterSpec("s", 1, 1)));
        slot = counters.slot(0, 0);
        evidence = new PoisonEvidence(slot);
    }

    @AfterEach
    void closeCounters() {
        counters.close();
    }

    @Test
    void shouldCountDeathsInTheSameRecordInARow() {
        inFlight(1, 40, 7);
        evidence.exited(CRASHED, false);
        evidence.exited(CRASHED, false);
        assertEquals(2, crashes());
        inFlight(1, 40, 8);
        evidence.exited(CRASHED, false);
        assertEquals(1, crashes(), "another record: the count starts again");
    }

    @Test
    void shouldNotBlameARecordForAKillUnlessOurHangDetectionKilledIt() {
        inFlight(1, 40, 7);
        evidence.exited(KILLED, false);
        assertEquals(0, crashes(), "kill -9 from a person or the OOM killer");
        evidence.exited(KILLED, true);
        assertEquals(1, crashes(), "hung in the record");
    }

    @Test
    void shouldBlameNoRecordForADeathOutsideOne() {
        evidence.exited(CRASHED, false);
        assertEquals(0, crashes());
    }

    private void inFlight(long queue, long doc, long index) {
        slot.get(SlotField.IN_FLIGHT_QUEUE).setRelease(queue + 1);
        slot.get(SlotField.IN_FLIGHT_DOC).setRelease(doc);
        slot.get(SlotField.IN_FLIGHT_INDEX).setRelease(index);
    }

    private long crashes() {
        return slot.get(SlotField.CRASHES).get();
    }
}
