package dev.sluice.flink;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.config.StageKind;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import dev.sluice.outcome.StageStats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.util.SerializedThrowable;

/**
 * Follows a submitted job to its end: a progress line every 2 s (stage records from the job's
 * accumulators, as Flink last heard them from its TaskManagers), then the run's result, or the error
 * that failed the job. An interrupt cancels the job.
 */
final class JobFollower {
    static final long INTERVAL_MS = 2000;

    private final JobClient job;
    private final PipelineConfig config;
    private final PrintStream progress;
    private final long startMs = System.currentTimeMillis();

    JobFollower(JobClient job, PipelineConfig config, PrintStream progress) {
        this.job = job;
        this.config = config;
        this.progress = progress;
    }

    RunResult await() throws RunFailedException, InterruptedException {
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        while (true) {
            try {
                JobExecutionResult done = result.get(INTERVAL_MS, TimeUnit.MILLISECONDS);
                return result(done.getAllAccumulatorResults(), System.currentTimeMillis() - startMs);
            } catch (TimeoutException e) {
                report();
            } catch (ExecutionException e) {
                throw new RunFailedException("pipeline " + config.name() + " failed on Flink (job " + job.getJobID()
                        + "): " + FailureCause.describe(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                job.cancel();
                throw new RunFailedException("pipeline " + config.name() + " stopped: Flink job " + job.getJobID()
                        + " cancelled");
            }
        }
    }

    private void report() throws InterruptedException {
        if (progress == null) {
            return;
        }
        Map<String, Object> accumulators;
        String status;
        try {
            accumulators = job.getAccumulators().get(INTERVAL_MS, TimeUnit.MILLISECONDS);
            status = job.getJobStatus().get(INTERVAL_MS, TimeUnit.MILLISECONDS).toString();
        } catch (ExecutionException | TimeoutException e) {
            return; // the job is ending or the cluster is slow to answer: the next line will tell
        }
        StringBuilder line = new StringBuilder(String.format("[%6.1fs] %s", (System.currentTimeMillis() - startMs) / 1000.0, status));
        for (StageStats stage : stats(accumulators, 0)) {
            line.append(' ').append(stage.stage());
            if (stage.workers() > 1) {
                line.append('(').append(stage.workers()).append(')');
            }
            line.append(" in ").append(stage.recordsIn()).append(" out ").append(stage.recordsOut()).append(" |");
        }
        line.setLength(line.length() - 2);
        progress.println(line);
    }

    private RunResult result(Map<String, Object> accumulators, long elapsedMillis) {
        Map<String, String> values = new LinkedHashMap<>();
        for (StageConfig stage : config.stages()) {
            if (accumulators.get(AggregateOperator.valueAccumulator(stage.name())) instanceof List<?> value && !value.isEmpty()) {
                values.put(stage.name(), String.valueOf(value.get(value.size() - 1)));
            }
        }
        // on Flink nothing is dead-lettered: on-error: dead-letter is refused at validation
        return new RunResult(config.name(), config.runDirectory(), elapsedMillis, stats(accumulators, elapsedMillis), values,
                0, config.supervision().failOnDeadLetters());
    }

    /** Per stage records in and out; a source's out is what its first reader took in (a Source reader has no accumulators). */
    private List<StageStats> stats(Map<String, Object> accumulators, long elapsedMillis) {
        List<StageStats> stats = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            long in = count(accumulators, stage.name(), "in");
            long out = count(accumulators, stage.name(), "out");
            if (stage.kind() == StageKind.SOURCE) {
                out = config.stages().stream().filter(s -> s.inputs().contains(stage.name())).findFirst()
                        .map(reader -> count(accumulators, reader.name(), "in")).orElse(0L);
            }
            stats.add(new StageStats(stage.name(), stage.workers(), in, out, elapsedMillis));
        }
        return stats;
    }

    private static long count(Map<String, Object> accumulators, String stage, String direction) {
        return accumulators.get(StageCounts.name(stage, direction)) instanceof Number n ? n.longValue() : 0;
    }

    /** The error to show for a failed job: a stage's record failure if there is one, else the root cause. */
    static final class FailureCause {
        private FailureCause() {
        }

        static String describe(Throwable failure) {
            Throwable root = failure;
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (className(t).equals(RecordPolicy.RecordFailedException.class.getName())) {
                    return t.getMessage();
                }
                root = t;
                if (t.getCause() == t) {
                    break;
                }
            }
            return className(root) + ": " + root.getMessage();
        }

        private static String className(Throwable t) {
            return t instanceof SerializedThrowable serialized ? serialized.getOriginalErrorClassName() : t.getClass().getName();
        }
    }
}
