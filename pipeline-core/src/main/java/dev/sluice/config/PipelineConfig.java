package dev.sluice.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A whole pipeline, loaded from YAML, parameters filled in, validated; immutable.
 *
 * @param name        {@code pipeline:}; names the run directory
 * @param configFile  the YAML file it came from
 * @param yamlText    that file's text, as loaded (copied into the run directory)
 * @param workDir     absolute {@code work-dir}
 * @param runId       this run's id
 * @param params      every parameter the YAML used, with the value it got
 * @param supervision restart and backoff limits
 * @param queues      roll cycle and retention of stage queues
 * @param shared      counters, arrays and semaphores shared by every process
 * @param stages      sorted so every stage comes after its inputs (YAML order where that allows)
 * @param flink       the {@code flink:} section, for runs on Flink
 * @param metrics     the {@code metrics:} section: latency histograms on or off, sampling interval
 * @param classPath   absolute entries where the pipeline's own stage classes are ({@code --class-path}, then
 *                    {@code class-path:}); stage JVMs get them after Sluice's own class path
 * @param stageLoader loads stage classes in this JVM: Sluice's class path, then {@code classPath}
 */
public record PipelineConfig(
        String name,
        Path configFile,
        String yamlText,
        Path workDir,
        String runId,
        Map<String, String> params,
        Supervision supervision,
        QueueSettings queues,
        List<SharedConfig> shared,
        List<StageConfig> stages,
        FlinkSettings flink,
        MetricsSettings metrics,
        List<String> classPath,
        ClassLoader stageLoader) {

    public PipelineConfig {
        params = Map.copyOf(params);
        shared = List.copyOf(shared);
        stages = List.copyOf(stages);
        classPath = List.copyOf(classPath);
    }

    /** {@code <work-dir>/<pipeline>/<run-id>}. */
    public Path runDirectory() {
        return workDir.resolve(name).resolve(runId);
    }

    public StageConfig stage(String stageName) {
        return stages.get(indexOf(stageName));
    }

    /** By name, not {@code List.indexOf}: a record's first {@code equals} spins method handles (start-up CPU). */
    public int indexOf(String stageName) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stageName)) {
                return i;
            }
        }
        throw new NoSuchElementException("no stage '" + stageName + "' in pipeline " + name);
    }
}
