package dev.sluice.config;

import dev.sluice.api.Options;
import java.util.List;

/**
 * One validated stage.
 *
 * @param name       unique within the pipeline; names its queues, counters and log files
 * @param kind       source, parallel or aggregate
 * @param className  the stage class (a built-in {@code type:} is already resolved to its class)
 * @param workers    process count: a parallel stage's workers ({@code auto} is already resolved), an aggregate's
 *                   partitions, else 1
 * @param inputs     names of the stages this one reads, in YAML order; empty for a source
 * @param ordered    aggregate only: merge parallel inputs in source order
 * @param partitions aggregate only: records are routed by key hash to this many aggregate processes, whose
 *                   states a last step merges; 1 for an unpartitioned aggregate (and every other stage)
 * @param embedded   run by another JVM through {@code EmbeddedStage}, not launched by the supervisor
 * @param settings   idle, batch, timeouts, error policy...: the pipeline's {@code defaults:} with this stage's
 *                   own settings over them
 * @param options    the stage's own {@code options:}
 * @param location   {@code file:line:column} of the stage in YAML, for messages
 */
public record StageConfig(
        String name,
        StageKind kind,
        String className,
        int workers,
        List<String> inputs,
        boolean ordered,
        int partitions,
        boolean embedded,
        StageSettings settings,
        Options options,
        String location) {

    public StageConfig {
        inputs = List.copyOf(inputs);
    }
}
