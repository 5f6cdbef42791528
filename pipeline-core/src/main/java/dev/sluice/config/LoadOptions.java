package dev.sluice.config;

import java.nio.file.Path;
import java.util.Map;

/** Placeholder until the loader lands. */
public record LoadOptions(Map<String, String> params, Map<String, String> env, Path baseDir, String runId,
                          Path workDirOverride) {
}
