package dev.sluice.counters;

/** A run's life, as its RUN_STATE counter holds it (UNKNOWN: a control file written before it was kept). */
public enum RunState {
    UNKNOWN, RUNNING, COMPLETED, FAILED, STOPPED;

    public static RunState of(long value) {
        return value >= 0 && value < values().length ? values()[(int) value] : UNKNOWN;
    }
}
