package dev.sluice;

import dev.sluice.config.ConfigLoader;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.counters.RunCounters;
import dev.sluice.rundir.RunContext;
import dev.sluice.rundir.RunLayout;
import dev.sluice.rundir.RunProperties;
import dev.sluice.runtime.SlotRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one stage of a pipeline inside this JVM (a batch job's, say) against a run directory's queues,
 * with the same exactly-once positions as a stage process: a stage stopped or killed here continues,
 * when attached again, exactly where its queue tail or snapshot says. Mark the stage {@code embedded: true}
 * so the supervisor leaves it to you:
 * <pre>{@code
 * EmbeddedStage total = EmbeddedStage.attach(runDirectory, "total");
 * String value = total.run();   // blocks until the stage has ended; its result, as `run` prints it
 * }</pre>
 */
public final class EmbeddedStage {
    private final RunLayout layout;
    private final PipelineConfig config;
    private final StageConfig stage;
    private volatile boolean stopRequested;

    private EmbeddedStage(RunLayout layout, PipelineConfig config, StageConfig stage) {
        this.layout = layout;
        this.config = config;
        this.stage = stage;
    }

    /** The stage {@code stageName} of the run in {@code runDirectory} (one that is being, or was, run). */
    public static EmbeddedStage attach(Path runDirectory, String stageName) throws IOException {
        RunLayout layout = new RunLayout(runDirectory.toAbsolutePath().normalize());
        if (!Files.exists(layout.controlFile())) {
            throw new IOException(runDirectory + " is not a run directory: no control.dat");
        }
        PipelineConfig config = ConfigLoader.load(layout.pipelineYaml(), RunProperties.read(layout));
        StageConfig stage = config.stage(stageName);
        if (stage.workers() != 1) {
            throw new IllegalArgumentException("stage '" + stageName + "' has " + stage.workers()
                    + " workers; embed a source or an aggregate");
        }
        return new EmbeddedStage(layout, config, stage);
    }

    /**
     * Runs the stage in this thread until it ends or {@link #stop()} is called.
     *
     * @return an aggregate's result (what {@code finish()} returned, as text); null for a source, or if stopped
     */
    public String run() throws Exception {
        stopRequested = false;
        try (RunCounters counters = RunCounters.open(layout.controlFile())) {
            boolean finished = SlotRunner.run(new RunContext(config, layout, counters), stage, 0, () -> stopRequested);
            Path result = layout.result(stage.name());
            return finished && Files.exists(result) ? Files.readString(result, StandardCharsets.UTF_8) : null;
        }
    }

    /** Asks a {@link #run()} in another thread to stop after the batch it is on. */
    public void stop() {
        stopRequested = true;
    }
}
