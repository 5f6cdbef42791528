package dev.sluice.config;

/**
 * {@code supervision: start-method:}, how a slot gets a new process: {@code spawn} starts a JVM, {@code standby}
 * hands it a warmed-up spare that was started beforehand.
 */
public enum StartMethod implements YamlChoice {
    SPAWN("spawn"),
    STANDBY("standby");

    private final String yamlName;

    StartMethod(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
