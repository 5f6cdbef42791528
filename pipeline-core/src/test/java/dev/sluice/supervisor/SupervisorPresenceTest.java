package dev.sluice.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.counters.CounterSpec;
import dev.sluice.counters.PipelineField;
import dev.sluice.counters.RunCounters;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether resume may take a run over, from the recorded supervisor's heartbeat; the live process standing in for a
 * recorded supervisor is this test JVM's parent (Maven's), which started before this test.
 */
class SupervisorPresenceTest {
    private static final long NOW = System.currentTimeMillis();

    @TempDir
    Path dir;

    @Test
    void shouldBeHeldByABeatingSupervisor() {
        try (RunCounters counters = counters()) {
            recorded(counters, otherLiveProcess(), NOW - 60_000, NOW - 500);
            assertTrue(SupervisorPresence.heldBy(counters, NOW).orElseThrow().contains("heartbeat 500 ms ago"));
        }
    }

    @Test
    void shouldBeFreeWhenTheRecordedPidNamesAProcessStartedAfterTheRunSupervisorFell() {
        try (RunCounters counters = counters()) {
            recorded(counters, otherLiveProcess(), 1_000, 2_000); // a run of 1970: that pid was given out again since
            assertEquals(Optional.empty(), SupervisorPresence.heldBy(counters, NOW));
        }
    }

    @Test
    void shouldBeHeldByASupervisorThatIsAliveButSilentAsWhenStopped() {
        try (RunCounters counters = counters()) {
            recorded(counters, otherLiveProcess(), NOW, NOW - SupervisorPresence.SILENCE_MS - 1);
            assertTrue(SupervisorPresence.heldBy(counters, NOW + 1).orElseThrow().contains("kill -CONT"));
        }
    }

    @Test
    void shouldBeFreeWhenTheSupervisorIsGoneOrIsThisProcess() {
        try (RunCounters counters = counters()) {
            recorded(counters, Integer.MAX_VALUE, NOW, NOW); // beyond any pid_max: no such process
            assertEquals(Optional.empty(), SupervisorPresence.heldBy(counters, NOW));
            recorded(counters, ProcessHandle.current().pid(), NOW, NOW);
            assertEquals(Optional.empty(), SupervisorPresence.heldBy(counters, NOW));
        }
    }

    private static long otherLiveProcess() {
        return ProcessHandle.current().parent().orElseThrow().pid();
    }

    private static void recorded(RunCounters counters, long pid, long startedMs, long heartbeatMs) {
        counters.pipeline(PipelineField.SUPERVISOR_PID).setRelease(pid);
        counters.pipeline(PipelineField.STARTED_MS).setRelease(startedMs);
        counters.pipeline(PipelineField.SUPERVISOR_HEARTBEAT_MS).setRelease(heartbeatMs);
    }

    private RunCounters counters() {
        return RunCounters.create(dir.resolve("control.dat"), "p", List.of(new CounterSpec("s", 1, 0)));
    }
}
