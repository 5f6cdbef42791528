package dev.sluice.flink;

import dev.sluice.config.FlinkSettings;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.Supervision;
import dev.sluice.engine.EngineRun;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import dev.sluice.rundir.RunLayout;
import dev.sluice.rundir.RunProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Submits a pipeline as a Flink job and follows it; what the {@code flink} and {@code flink-local} engines share. */
final class FlinkJobRunner {
    @FunctionalInterface
    interface Environments {
        StreamExecutionEnvironment create(Configuration job, Path runDirectory) throws IOException;
    }

    private FlinkJobRunner() {
    }

    static RunResult run(EngineRun run, Environments environments) throws RunFailedException, InterruptedException {
        PipelineConfig config = run.config();
        JobClient job;
        try {
            Path runDirectory = createRunDirectory(config, run.baseDir());
            StreamExecutionEnvironment env = environments.create(jobConfiguration(config, run.baseDir()), runDirectory);
            JobTopology.define(env, config, new PipelineSpec(config, run.baseDir()));
            job = env.executeAsync("sluice " + config.name());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new RunFailedException("pipeline " + config.name() + ": the Flink job could not be submitted: "
                    + JobFollower.FailureCause.describe(e), e);
        }
        Thread cancelOnExit = new Thread(() -> job.cancel(), "sluice-cancel-flink-job");
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        try {
            return new JobFollower(job, config, run.progress()).await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it cancels the job
            }
        }
    }

    /**
     * The job's settings: byte[] records only (no generic types, so no Kryo), checkpoints from the
     * {@code flink:} section, and restarts bounded as {@code supervision:} bounds them locally.
     */
    static Configuration jobConfiguration(PipelineConfig config, Path baseDir) {
        FlinkSettings flink = config.flink();
        Supervision supervision = config.supervision();
        Configuration job = new Configuration();
        job.set(PipelineOptions.GENERIC_TYPES, false);
        job.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(flink.checkpointIntervalMillis()));
        job.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        job.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory(config, baseDir));
        job.set(RestartStrategyOptions.RESTART_STRATEGY, "failure-rate");
        job.set(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL,
                Math.max(1, supervision.maxRestarts()));
        job.set(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL,
                Duration.ofMillis(supervision.restartWindowMillis()));
        job.set(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY, Duration.ofMillis(supervision.backoffMillis()));
        return job;
    }

    private static String checkpointDirectory(PipelineConfig config, Path baseDir) {
        String dir = config.flink().checkpointDirectory();
        if (dir == null) {
            return config.runDirectory().resolve("checkpoints").toUri().toString();
        }
        return dir.contains("://") ? dir : baseDir.resolve(dir).toAbsolutePath().normalize().toUri().toString();
    }

    /** The run directory of a Flink run: the YAML as run, its parameters, and results/ for the aggregates' values. */
    private static Path createRunDirectory(PipelineConfig config, Path baseDir) throws IOException {
        RunLayout layout = new RunLayout(config.runDirectory());
        if (Files.exists(layout.dir())) {
            throw new IOException("run directory " + layout.dir() + " already exists");
        }
        for (Path dir : new Path[] {layout.dir(), layout.results()}) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.writeString(layout.pipelineYaml(), config.yamlText(), StandardCharsets.UTF_8);
        RunProperties.write(layout, config, baseDir);
        return layout.dir();
    }
}
