package dev.sluice.metrics;

import dev.sluice.counters.RunSnapshot;
import dev.sluice.rundir.RunContext;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's part of a run's metrics: it samples the run while it goes ({@link RunSampler}) and writes
 * {@code metrics/summary.json} ({@link RunSummaryJson}) and {@code report.html} ({@link RunReport}) when it ends,
 * however it ends. Metrics never fail a run:
 * a problem with them is logged.
 */
public final class RunMetrics {
    private final RunContext run;
    private final RunSampler sampler;

    public RunMetrics(RunContext run) {
        this.run = run;
        this.sampler = new RunSampler(run);
    }

    public void beat(long nowMs) {
        try {
            sampler.maybeSample(nowMs);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(RunMetrics.class).warn("cannot sample the run's metrics: {}", e.toString());
        }
    }

    /** The run ended (its end state is in the counters): a last sample, then the summary. */
    public void ended() {
        try {
            sampler.sample(System.currentTimeMillis());
            RunSnapshot snapshot = RunSnapshot.read(run.counters().reader());
            RunSummaryJson.write(run.config(), run.layout(), snapshot);
            RunReport.write(run.config(), run.layout(), snapshot, run.layout().report());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(RunMetrics.class).warn("cannot write the run's summary and report: {}", e.toString());
        }
    }
}
