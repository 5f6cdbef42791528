package dev.sluice.stages;

import dev.sluice.api.ConfigException;
import dev.sluice.api.Options;
import dev.sluice.api.StageContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stage context over a plain map of options, for calling stages directly. A list option is written
 * comma-separated; stages that keep files in the run directory (row schemas) need {@code runDirectory}.
 */
record TestContext(Map<String, String> values, Path runDirectory, long maxRecordSize) implements StageContext, Options {
    TestContext(Map<String, String> values) {
        this(values, null, 256L << 20);
    }

    TestContext(Map<String, String> values, Path runDirectory) {
        this(values, runDirectory, 256L << 20);
    }

    TestContext(Map<String, String> values, long maxRecordSize) {
        this(values, null, maxRecordSize);
    }

    public String pipelineName() { return "test"; }
    public String stageName() { return "stage"; }
    public int workerIndex() { return 0; }
    public int workerCount() { return 1; }
    public Options options() { return this; }
    public Logger logger() { return LoggerFactory.getLogger("test"); }
    public Path runDirectory() {
        if (runDirectory == null) {
            throw new IllegalStateException("this test gave the stage no run directory");
        }
        return runDirectory;
    }
    public dev.sluice.api.SharedState shared() { throw new UnsupportedOperationException("no shared state in unit tests"); }

    public boolean has(String key) { return values.containsKey(key); }
    public Set<String> keys() { return values.keySet(); }
    public String getString(String key) {
        if (!has(key)) {
            throw new ConfigException("missing option '" + key + "'");
        }
        return values.get(key);
    }
    public String getString(String key, String defaultValue) { return values.getOrDefault(key, defaultValue); }
    public long getLong(String key) { return Long.parseLong(getString(key)); }
    public long getLong(String key, long defaultValue) { return has(key) ? getLong(key) : defaultValue; }
    public double getDouble(String key, double defaultValue) { return has(key) ? Double.parseDouble(getString(key)) : defaultValue; }
    public boolean getBoolean(String key, boolean defaultValue) { return has(key) ? Boolean.parseBoolean(getString(key)) : defaultValue; }
    public Path getPath(String key) { return Path.of(getString(key)); }
    public List<String> getList(String key) { return List.of(getString(key).split(",")).stream().map(String::trim).toList(); }
    public ConfigException error(String key, String message) { return new ConfigException(key + ": " + message); }
}
