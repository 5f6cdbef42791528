package dev.sluice.engine;

import dev.sluice.config.PipelineConfig;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One run on an {@link Engine}.
 *
 * @param config   the validated pipeline, parameters filled, with this run's id
 * @param baseDir  the directory relative paths were resolved against
 * @param address  where the engine's cluster is ({@code --flink HOST:PORT}); null for an embedded one
 * @param progress where to print a progress line every 2 s; null for none
 */
public record EngineRun(PipelineConfig config, Path baseDir, String address, PrintStream progress) {
}
