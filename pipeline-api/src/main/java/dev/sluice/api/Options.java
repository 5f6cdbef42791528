package dev.sluice.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A stage's {@code options:} from YAML. Every getter that fails throws a {@link ConfigException}
 * whose message names the YAML file, line and column of the offending value.
 */
public interface Options {
    boolean has(String key);

    Set<String> keys();

    String getString(String key);

    String getString(String key, String defaultValue);

    long getLong(String key);

    long getLong(String key, long defaultValue);

    double getDouble(String key, double defaultValue);

    /** A size in bytes: {@code 65536}, {@code 64KB}, {@code 4MB}, {@code 1GB} (powers of 1024). */
    long getSize(String key, long defaultBytes);

    boolean getBoolean(String key, boolean defaultValue);

    /** A path, resolved against the directory the pipeline was started from. */
    Path getPath(String key);

    /** A YAML list of scalars (a single scalar reads as a list of one). */
    List<String> getList(String key);

    /** An error about this key's value, located at it in the YAML file. */
    ConfigException error(String key, String message);
}
