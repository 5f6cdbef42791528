package dev.sluice.config;

/** What a {@code shared:} object is ({@code type:}). */
public enum SharedType implements YamlChoice {
    COUNTER("counter"),
    LONG_ARRAY("long-array"),
    /** A semaphore of one permit. */
    LOCK("lock"),
    SEMAPHORE("semaphore"),
    /** A Chronicle Map of its own file, not in the shared state file. */
    MAP("map");

    private final String yamlName;

    SharedType(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** Whether it hands out permits ({@code semaphore} and {@code lock}). */
    public boolean hasPermits() {
        return this == SEMAPHORE || this == LOCK;
    }
}
