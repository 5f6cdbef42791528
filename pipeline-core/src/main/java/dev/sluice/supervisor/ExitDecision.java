package dev.sluice.supervisor;

import dev.sluice.counters.ProcessState;
import dev.sluice.runtime.StageProcessMain;

/**
 * What the supervisor does when a slot's process exits, decided from its exit code, its slot's state, the run's
 * restart intensity and the slot's failure streak: no process needed to drive it.
 *
 * @param verdict       what to do
 * @param backoffMillis for {@link Verdict#RESTART}, how long to wait first
 */
record ExitDecision(Verdict verdict, long backoffMillis) {
    enum Verdict {
        /** It ended its slot's work: the slot is done. */
        FINISHED,
        /** It stopped because the disk is full: the run stops, to be resumed once there is room. */
        DISK_FULL,
        /** It failed in a way no restart mends (a bad stage configuration, say): the run fails. */
        FATAL,
        /** Restarting it would exceed the restart intensity: the run fails. */
        TOO_MANY_RESTARTS,
        /** Restart it after {@link #backoffMillis}. */
        RESTART
    }

    /**
     * @param progress the slot's records in and out now, which tell its failure streak whether it progressed
     */
    static ExitDecision of(int exitCode, ProcessState state, RestartIntensity intensity, FailureStreak streak,
                           long progress, long nowMs) {
        if (exitCode == 0 && state == ProcessState.DONE) {
            return new ExitDecision(Verdict.FINISHED, 0);
        }
        if (exitCode == StageProcessMain.EXIT_DISK_FULL) {
            return new ExitDecision(Verdict.DISK_FULL, 0);
        }
        if (exitCode == StageProcessMain.EXIT_FATAL) {
            return new ExitDecision(Verdict.FATAL, 0);
        }
        if (!intensity.allow(nowMs)) {
            return new ExitDecision(Verdict.TOO_MANY_RESTARTS, 0);
        }
        return new ExitDecision(Verdict.RESTART, intensity.backoffMillis(streak.failed(progress)));
    }
}
