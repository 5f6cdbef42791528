package dev.sluice.counters;

/** A slot's life, as its STATE counter holds it ({@link #code()}: on disk, so a state keeps its code). */
public enum ProcessState {
    PENDING(0), STARTING(1), RUNNING(2), DONE(3), FAILED(4), STOPPED(5);

    private final int code;

    ProcessState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ProcessState of(long value) {
        for (ProcessState state : values()) {
            if (state.code == value) {
                return state;
            }
        }
        return PENDING;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
