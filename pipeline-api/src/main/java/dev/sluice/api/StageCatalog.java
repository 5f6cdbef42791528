package dev.sluice.api;

import java.util.Map;

/**
 * Names stage classes for YAML's {@code type:} key. Implementations are found with
 * {@link java.util.ServiceLoader}; {@code pipeline-stages} provides the built-in ones.
 */
public interface StageCatalog {
    /** Type name (as written in YAML) to stage class name. */
    Map<String, String> stages();
}
