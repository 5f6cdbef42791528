package dev.sluice.flink;

import dev.sluice.config.ConfigLoader;
import dev.sluice.config.LoadOptions;
import dev.sluice.config.PipelineConfig;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Flink task needs to load exactly the pipeline the client loaded: the YAML text and the
 * parameters as resolved (as {@code run.properties} is for a local stage process). Serializable, so
 * it travels inside the job graph; each task reloads it in {@code open}.
 */
final class PipelineSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String yamlText;
    private final String configFile;
    private final TreeMap<String, String> params;
    private final String baseDir;
    private final String runId;
    private final String workDir;

    PipelineSpec(PipelineConfig config, Path baseDir) {
        this.yamlText = config.yamlText();
        this.configFile = config.configFile().toString();
        this.params = new TreeMap<>(config.params());
        this.baseDir = baseDir.toAbsolutePath().toString();
        this.runId = config.runId();
        this.workDir = config.workDir().toString();
    }

    PipelineConfig load() {
        return ConfigLoader.parse(yamlText, Path.of(configFile),
                new LoadOptions(params, Map.of(), Path.of(baseDir), runId, Path.of(workDir)));
    }
}
