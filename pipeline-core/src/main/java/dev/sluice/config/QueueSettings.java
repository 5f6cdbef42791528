package dev.sluice.config;

/**
 * How stage queues are kept ({@code queues:} in YAML): Chronicle roll cycle ({@code 1s} is for tests,
 * {@code 5m}, {@code 1h}, {@code 1d}), and whether cycles every reader has passed are kept ({@code retain: true})
 * or deleted.
 */
public record QueueSettings(String rollCycle, boolean retain) {
    public static final QueueSettings DEFAULT = new QueueSettings("1h", false);
}
