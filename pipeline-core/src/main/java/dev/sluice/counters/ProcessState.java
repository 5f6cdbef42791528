package dev.sluice.counters;

/** A slot's life, as its STATE counter holds it. */
public enum ProcessState {
    PENDING, STARTING, RUNNING, DONE, FAILED, STOPPED;

    public static ProcessState of(long value) {
        return value >= 0 && value < values().length ? values()[(int) value] : PENDING;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
