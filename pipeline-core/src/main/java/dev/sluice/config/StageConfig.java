package dev.sluice.config;

import dev.sluice.api.Options;
import java.util.List;

/**
 * One validated stage. Defaults from the pipeline's {@code defaults:} are already applied.
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
 * @param idle       busy-spin, yield, backoff, adaptive or sleep
 * @param batchMax   most records in one appended document
 * @param claimSize  parallel only: input documents claimed at a time; 0 adapts it to the cost per document
 * @param jvmOptions extra JVM options for this stage's processes (defaults first)
 * @param hangTimeoutMillis a process whose heartbeat is older than this is dumped, killed and restarted
 * @param snapshotEveryMillis aggregate only: how often state and input positions are snapshotted
 * @param onError    what a record that throws does: fail (the run), dead-letter or skip
 * @param embedded   run by another JVM through {@code EmbeddedStage}, not launched by the supervisor
 * @param maxLag     a writer waits while its slowest reader is more than this many documents behind
 * @param poisonAfter a record in flight at this many consecutive crashes of its process is dead-lettered
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
        String idle,
        int batchMax,
        int claimSize,
        List<String> jvmOptions,
        long hangTimeoutMillis,
        long snapshotEveryMillis,
        String onError,
        int poisonAfter,
        long maxLag,
        boolean embedded,
        Options options,
        String location) {

    public StageConfig {
        inputs = List.copyOf(inputs);
        jvmOptions = List.copyOf(jvmOptions);
    }
}
