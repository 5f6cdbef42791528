package dev.sluice.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to load a pipeline file.
 *
 * @param params          {@code --set} values; they win over the environment
 * @param env             environment variables, looked up by parameter name
 * @param baseDir         what relative paths (work-dir, path options) are resolved against
 * @param runId           the run's id, for {@code ${run-id}} and {@code ${run-dir}}
 * @param workDirOverride replaces the YAML's {@code work-dir} when not null
 * @param classPath       {@code --class-path} entries, before the YAML's {@code class-path}
 */
public record LoadOptions(Map<String, String> params, Map<String, String> env, Path baseDir, String runId,
                          Path workDirOverride, List<String> classPath) {
    public LoadOptions {
        params = Map.copyOf(params);
        env = Map.copyOf(env);
        classPath = List.copyOf(classPath);
    }

    public LoadOptions(Map<String, String> params, Map<String, String> env, Path baseDir, String runId,
                       Path workDirOverride) {
        this(params, env, baseDir, runId, workDirOverride, List.of());
    }

    /** For validation: the given parameters, this process's environment and working directory. */
    public static LoadOptions of(Map<String, String> params) {
        return new LoadOptions(params, System.getenv(), Path.of("").toAbsolutePath(), "validate", null);
    }

    public LoadOptions withClassPath(List<String> entries) {
        return new LoadOptions(params, env, baseDir, runId, workDirOverride, entries);
    }
}
