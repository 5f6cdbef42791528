package dev.sluice.counters;

/**
 * A run's life, as its RUN_STATE counter holds it ({@link #code()}: on disk, so a state keeps its code);
 * UNKNOWN: a control file written before it was kept.
 */
public enum RunState {
    UNKNOWN(0), RUNNING(1), COMPLETED(2), FAILED(3), STOPPED(4);

    private final int code;

    RunState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RunState of(long value) {
        for (RunState state : values()) {
            if (state.code == value) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
