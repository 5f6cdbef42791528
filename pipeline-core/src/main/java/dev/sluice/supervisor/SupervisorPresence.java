package dev.sluice.supervisor;

import dev.sluice.counters.PipelineField;
import dev.sluice.counters.RunCounters;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether another supervisor still holds a run, so that {@code resume} does not start a second one over the same
 * queues. The supervisor beats its heartbeat in {@code control.dat} every second: a beating supervisor holds the
 * run. A pid alone proves nothing, since the OS reuses pids: a recorded pid that names no process means the
 * supervisor is gone; a silent one that names a process started after the run did is a stranger with a reused
 * pid; a silent one started before it is the supervisor itself, stopped (Ctrl-Z) or stuck, and still holds it.
 */
public final class SupervisorPresence {
    /** A supervisor beats every second; one silent this long is not beating (a loaded machine stalls it for a few). */
    static final long SILENCE_MS = 15_000;
    /** Start times from /proc are coarse, and a supervisor records its start a little after it began. */
    private static final long START_SLACK_MS = 1_000;

    private SupervisorPresence() {
    }

    /** Why the run is held by another live supervisor, or empty if it is not. */
    public static Optional<String> heldBy(RunCounters counters, long nowMs) {
        long pid = counters.pipeline(PipelineField.SUPERVISOR_PID).get();
        if (pid <= 0 || pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        long silent = nowMs - counters.pipeline(PipelineField.SUPERVISOR_HEARTBEAT_MS).get();
        if (silent <= SILENCE_MS) {
            return Optional.of("it is supervised by pid " + pid + " (heartbeat " + silent + " ms ago)");
        }
        long runStarted = counters.pipeline(PipelineField.STARTED_MS).get();
        Optional<Instant> processStarted = process.get().info().startInstant();
        if (processStarted.isPresent() && processStarted.get().toEpochMilli() > runStarted + START_SLACK_MS) {
            return Optional.empty(); // the pid was given to another process after the run's supervisor died
        }
        return Optional.of("its supervisor, pid " + pid + ", is alive but has not beaten for " + silent / 1000
                + " s: it is stopped (Ctrl-Z; `kill -CONT " + pid + "` continues it) or stuck (stop it first)");
    }
}
