package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.counters.CounterSpec;
import dev.sluice.counters.RunCounters;
import dev.sluice.counters.SlotField;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flow control step by step: a writer is held while its slowest reader is max-lag behind, and the time held is counted. */
class BackpressureTest {
    @TempDir
    Path dir;

    @Test
    void shouldHoldTheWriterWhileItsSlowestReaderIsMaxLagBehindAndCountTheTimeHeld() {
        try (RunCounters counters = RunCounters.create(dir.resolve("control.dat"), "p", List.of(new CounterSpec("s", 1, 0)))) {
            AtomicCounter held = counters.slot(0, 0).get(SlotField.BACKPRESSURE_MS);
            AtomicLong fast = new AtomicLong(10);
            AtomicLong slow = new AtomicLong(2);
            CachedEpochClock clock = new CachedEpochClock();
            clock.update(1_000);
            Backpressure backpressure = new Backpressure(List.of(fast::get, slow::get), 4, held, clock);

            assertFalse(backpressure.holds(5), "the slowest reader is 3 behind");
            assertTrue(backpressure.holds(6), "4 behind: max-lag");
            clock.advance(30);
            assertTrue(backpressure.holds(6));
            assertEquals(30, held.get(), "counted while it passes");
            clock.advance(20);
            slow.set(3);
            assertFalse(backpressure.holds(6), "the slow reader moved");
            assertEquals(50, held.get());
            clock.advance(1_000);
            assertFalse(backpressure.holds(6));
            assertEquals(50, held.get(), "time not held is not counted");
        }
    }

    @Test
    void shouldNeverHoldAWriterNobodyReads() {
        try (RunCounters counters = RunCounters.create(dir.resolve("control.dat"), "p", List.of(new CounterSpec("s", 1, 0)))) {
            Backpressure backpressure = new Backpressure(List.of(), 1, counters.slot(0, 0).get(SlotField.BACKPRESSURE_MS),
                    new CachedEpochClock());
            assertFalse(backpressure.holds(1_000_000));
        }
    }
}
