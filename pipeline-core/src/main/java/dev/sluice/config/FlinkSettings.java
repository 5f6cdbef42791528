package dev.sluice.config;

/**
 * The {@code flink:} section: how a run on Flink ({@code --engine flink|flink-local}) checkpoints.
 * Plain settings; pipeline-core never loads Flink.
 *
 * @param checkpointIntervalMillis how often Flink checkpoints source positions, merge buffers and aggregate snapshots
 * @param checkpointDirectory      where checkpoints go: a path or a URI the cluster can write; null for
 *                                 {@code <run-dir>/checkpoints}
 */
public record FlinkSettings(long checkpointIntervalMillis, String checkpointDirectory) {
    public static final FlinkSettings DEFAULT = new FlinkSettings(5_000, null);
}
