package dev.sluice.config;

/** {@code queues: roll-cycle:}: how long one queue file covers ({@code 1s} is for tests). */
public enum QueueRollCycle implements YamlChoice {
    SECONDLY("1s"),
    FIVE_MINUTELY("5m"),
    HOURLY("1h"),
    DAILY("1d");

    private final String yamlName;

    QueueRollCycle(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
