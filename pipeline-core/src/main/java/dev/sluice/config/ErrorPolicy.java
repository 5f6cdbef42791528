package dev.sluice.config;

/**
 * A stage's {@code on-error:}: what a record that throws (or a poison record) does: {@code fail} the run,
 * {@code dead-letter} it into the run's dead-letter queues with its error and bytes, or {@code skip} it.
 */
public enum ErrorPolicy implements YamlChoice {
    FAIL("fail"),
    DEAD_LETTER("dead-letter"),
    SKIP("skip");

    private final String yamlName;

    ErrorPolicy(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
