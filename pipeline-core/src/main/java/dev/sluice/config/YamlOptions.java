package dev.sluice.config;

import dev.sluice.api.ConfigException;
import dev.sluice.api.Options;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A stage's {@code options:}, each value kept with where it was written, so errors point at it. */
public final class YamlOptions implements Options {
    /** One option: its value(s), already parameter-filled, and its {@code file:line:column}. */
    record Value(List<String> values, boolean list, String location) {
    }

    /** These options as one record: how {@link PipelineConfigCodec} sends them to a stage process. */
    record Form(String stage, String location, Path baseDir, Map<String, Value> values) {
        YamlOptions options() {
            return new YamlOptions(stage, location, baseDir, values);
        }
    }

    private final String stage;
    private final String location;
    private final Path baseDir;
    private final Map<String, Value> values;

    YamlOptions(String stage, String location, Path baseDir, Map<String, Value> values) {
        this.stage = stage;
        this.location = location;
        this.baseDir = baseDir;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    Form form() {
        return new Form(stage, location, baseDir, values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public String getString(String key) {
        Value value = values.get(key);
        if (value == null) {
            throw new ConfigException(location + ": stage '" + stage + "': missing option '" + key + "'");
        }
        if (value.list()) {
            throw error(key, "expected one value, got a list");
        }
        return value.values().get(0);
    }

    public String getString(String key, String defaultValue) {
        return has(key) ? getString(key) : defaultValue;
    }

    public long getLong(String key) {
        String text = getString(key);
        try {
            return Long.parseLong(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(key, "expected a whole number, got '" + text + "'");
        }
    }

    public long getLong(String key, long defaultValue) {
        return has(key) ? getLong(key) : defaultValue;
    }

    public double getDouble(String key, double defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        String text = getString(key);
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw error(key, "expected a number, got '" + text + "'");
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        String text = getString(key).trim();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw error(key, "expected true or false, got '" + text + "'");
    }

    public Path getPath(String key) {
        return baseDir.resolve(getString(key)).normalize();
    }

    public List<String> getList(String key) {
        Value value = values.get(key);
        if (value == null) {
            throw new ConfigException(location + ": stage '" + stage + "': missing option '" + key + "'");
        }
        return value.values();
    }

    public ConfigException error(String key, String message) {
        Value value = values.get(key);
        return new ConfigException((value == null ? location : value.location()) + ": stage '" + stage
                + "' option '" + key + "': " + message);
    }
}
