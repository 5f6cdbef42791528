package dev.sluice.engine;

import dev.sluice.config.PipelineConfig;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;

/**
 * Another way to run a pipeline than the local one (stage processes over Chronicle queues), chosen with
 * {@code --engine NAME}. Implementations are found with {@link java.util.ServiceLoader}, so pipeline-core
 * knows none of them: {@code pipeline-flink} provides {@code flink} and {@code flink-local}, and only a
 * class path that holds it has them.
 */
public interface Engine {
    /** What {@code --engine} calls it. */
    String name();

    /**
     * Refuses what this engine cannot run, with a {@link dev.sluice.api.ConfigException} whose message
     * has every problem as {@code file:line:column: message}.
     */
    void validate(PipelineConfig config);

    /**
     * Runs the pipeline to its end. An interrupt of the calling thread stops it: the run then fails
     * with {@link RunFailedException}.
     */
    RunResult run(EngineRun run) throws RunFailedException, InterruptedException;
}
