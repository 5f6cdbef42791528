package dev.sluice.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.counters.CounterSpec;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.RunCounters;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's hang decision, driven by a slot's counters and the time alone. */
class HeartbeatWatchTest {
    private static final long HANG_TIMEOUT = 2_000;

    @TempDir
    Path dir;

    @Test
    void shouldCallARunningSlotHungOnceItsHeartbeatIsOlderThanHangTimeout() {
        try (RunCounters counters = counters()) {
            SlotCounters slot = slot(counters, ProcessState.RUNNING, 10_000);
            HeartbeatWatch watch = new HeartbeatWatch(slot, HANG_TIMEOUT);

            assertFalse(watch.hung(12_000));
            assertTrue(watch.hung(12_001));
            assertEquals(2_001, watch.age(12_001));
            assertEquals(12_001, watch.nextLookAt(10_500), "sleep until it would be hung");
            slot.get(SlotField.HEARTBEAT_MS).setRelease(12_000); // it beat
            assertFalse(watch.hung(12_001));
        }
    }

    @Test
    void shouldAllowAStartingProcessTimeToBootButLookAgainWithinHangTimeout() {
        try (RunCounters counters = counters()) {
            HeartbeatWatch watch = new HeartbeatWatch(slot(counters, ProcessState.STARTING, 10_000), HANG_TIMEOUT);

            assertEquals(HeartbeatWatch.STARTUP_ALLOWANCE_MS, watch.limit());
            assertFalse(watch.hung(10_000 + HeartbeatWatch.STARTUP_ALLOWANCE_MS));
            assertTrue(watch.hung(10_001 + HeartbeatWatch.STARTUP_ALLOWANCE_MS));
            assertEquals(11_000 + HANG_TIMEOUT, watch.nextLookAt(11_000), "it may start running, and hang, any time");
        }
    }

    private static SlotCounters slot(RunCounters counters, ProcessState state, long heartbeatMs) {
        SlotCounters slot = counters.slot(0, 0);
        slot.state(state);
        slot.get(SlotField.HEARTBEAT_MS).setRelease(heartbeatMs);
        return slot;
    }

    private RunCounters counters() {
        return RunCounters.create(dir.resolve("control.dat"), "p", List.of(new CounterSpec("s", 1, 0)));
    }
}
