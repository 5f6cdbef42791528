package dev.sluice.config;

import java.nio.file.Path;

/** Placeholder until the loader lands. */
public final class ConfigLoader {
    public static PipelineConfig load(Path file, LoadOptions options) {
        throw new UnsupportedOperationException();
    }
}
