package dev.sluice.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.config.Supervision;
import dev.sluice.counters.ProcessState;
import dev.sluice.runtime.StageProcessMain;
import org.junit.jupiter.api.Test;

/** The supervisor's decisions on a process's exit, driven without processes: intensity, backoff, streaks, verdicts. */
class RestartDecisionsTest {
    /** 3 restarts in 10 s; backoff 100 ms doubling up to 1 s. */
    private static final Supervision SUPERVISION = new Supervision(3, 10_000, 100, 1_000, 0, false, Supervision.SPAWN);

    @Test
    void shouldAllowMaxRestartsWithinTheWindowAndForgetOlderOnes() {
        RestartIntensity intensity = new RestartIntensity(SUPERVISION);
        assertTrue(intensity.allow(0));
        assertTrue(intensity.allow(1_000));
        assertTrue(intensity.allow(2_000));
        assertFalse(intensity.allow(3_000), "a fourth within 10 s");
        RestartIntensity later = new RestartIntensity(SUPERVISION);
        for (long t : new long[] {0, 1_000, 2_000}) {
            later.allow(t);
        }
        assertTrue(later.allow(10_000), "the restart at 0 has left the window");
    }

    @Test
    void shouldRestartAFirstFailureAtOnceThenBackOffDoublingUpToTheCap() {
        RestartIntensity intensity = new RestartIntensity(SUPERVISION);
        assertEquals(0, intensity.backoffMillis(1));
        assertEquals(100, intensity.backoffMillis(2));
        assertEquals(200, intensity.backoffMillis(3));
        assertEquals(800, intensity.backoffMillis(5));
        assertEquals(1_000, intensity.backoffMillis(6));
        assertEquals(1_000, intensity.backoffMillis(1_000));
    }

    @Test
    void shouldStartANewFailureStreakOnceTheSlotProgressed() {
        FailureStreak streak = new FailureStreak();
        assertEquals(1, streak.failed(500));
        assertEquals(2, streak.failed(500), "no record went through since");
        assertEquals(3, streak.failed(500));
        assertEquals(1, streak.failed(501), "it progressed: consecutive no more");
        assertEquals(2, streak.failed(501));
    }

    @Test
    void shouldRestartWithABackoffThatResetsAfterProgress() {
        RestartIntensity intensity = new RestartIntensity(new Supervision(100, 10_000, 100, 1_000, 0, false,
                Supervision.SPAWN));
        FailureStreak streak = new FailureStreak();
        assertEquals(new ExitDecision(ExitDecision.Verdict.RESTART, 0), crash(intensity, streak, 10, 0));
        assertEquals(new ExitDecision(ExitDecision.Verdict.RESTART, 100), crash(intensity, streak, 10, 1));
        assertEquals(new ExitDecision(ExitDecision.Verdict.RESTART, 200), crash(intensity, streak, 10, 2));
        assertEquals(new ExitDecision(ExitDecision.Verdict.RESTART, 0), crash(intensity, streak, 99, 3),
                "records went through: restarted at once again");
    }

    @Test
    void shouldTellFinishedFromFailedAndNotRestartWhatNoRestartMends() {
        RestartIntensity intensity = new RestartIntensity(SUPERVISION);
        FailureStreak streak = new FailureStreak();
        assertEquals(ExitDecision.Verdict.FINISHED,
                ExitDecision.of(0, ProcessState.DONE, intensity, streak, 0, 0).verdict());
        assertEquals(ExitDecision.Verdict.RESTART,
                ExitDecision.of(0, ProcessState.RUNNING, intensity, streak, 0, 0).verdict(), "exit 0 before its end");
        assertEquals(ExitDecision.Verdict.DISK_FULL,
                ExitDecision.of(StageProcessMain.EXIT_DISK_FULL, ProcessState.FAILED, intensity, streak, 0, 0).verdict());
        assertEquals(ExitDecision.Verdict.FATAL,
                ExitDecision.of(StageProcessMain.EXIT_FATAL, ProcessState.FAILED, intensity, streak, 0, 0).verdict());
        for (int i = 0; i < 2; i++) {
            assertEquals(ExitDecision.Verdict.RESTART, crash(intensity, streak, 0, i).verdict());
        }
        assertEquals(ExitDecision.Verdict.TOO_MANY_RESTARTS, crash(intensity, streak, 0, 3).verdict());
    }

    private static ExitDecision crash(RestartIntensity intensity, FailureStreak streak, long progress, long nowMs) {
        return ExitDecision.of(137, ProcessState.RUNNING, intensity, streak, progress, nowMs);
    }
}
