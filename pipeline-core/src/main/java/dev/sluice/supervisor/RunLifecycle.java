package dev.sluice.supervisor;

import dev.sluice.counters.PipelineField;
import dev.sluice.counters.RunCounters;
import dev.sluice.counters.RunState;
import dev.sluice.files.PrivateFiles;
import dev.sluice.metrics.RunMetrics;
import dev.sluice.runtime.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import org.agrona.concurrent.EpochClock;

/**
 * Keeps the run-level state that {@code sluice status} shows: running (with the supervisor's heartbeat),
 * then completed, failed or stopped, with its times in {@code control.dat} and a failure's message in
 * {@code failure.txt}, so a finished run is shown as finished and a dead supervisor as gone; and its metrics
 * ({@link RunMetrics}): sampled on every beat, summed up at the end.
 */
final class RunLifecycle {
    private final RunContext run;
    private final RunCounters counters;
    private final RunMetrics metrics;
    private final EpochClock clock;

    RunLifecycle(RunContext run, EpochClock clock) {
        this.run = run;
        this.clock = clock;
        this.counters = run.counters();
        this.metrics = new RunMetrics(run);
    }

    void started() throws IOException {
        Files.deleteIfExists(run.layout().failure());
        long now = clock.time();
        counters.pipeline(PipelineField.SUPERVISOR_PID).setRelease(ProcessHandle.current().pid());
        counters.pipeline(PipelineField.STARTED_MS).setRelease(now);
        counters.pipeline(PipelineField.FINISHED_MS).setRelease(0);
        counters.pipeline(PipelineField.SUPERVISOR_HEARTBEAT_MS).setRelease(now);
        counters.pipeline(PipelineField.RUN_STATE).setRelease(RunState.RUNNING.ordinal());
    }

    void beat(long now) {
        counters.pipeline(PipelineField.SUPERVISOR_HEARTBEAT_MS).setRelease(now);
        metrics.beat(now);
    }

    void completed() {
        ended(RunState.COMPLETED);
    }

    void failed(RunFailedException failure) {
        try {
            PrivateFiles.writeString(run.layout().failure(), failure.getMessage() + System.lineSeparator());
        } catch (IOException e) {
            failure.addSuppressed(e); // status then shows the state without the message
        }
        ended(failure.stopped() ? RunState.STOPPED : RunState.FAILED);
    }

    private void ended(RunState state) {
        counters.pipeline(PipelineField.FINISHED_MS).setRelease(clock.time());
        counters.pipeline(PipelineField.RUN_STATE).setRelease(state.ordinal());
        metrics.ended();
    }
}
