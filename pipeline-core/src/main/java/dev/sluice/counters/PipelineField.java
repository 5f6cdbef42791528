package dev.sluice.counters;

/** Pipeline-wide counters. */
public enum PipelineField {
    SUPERVISOR_PID(0, "supervisor-pid"),
    /** When the current (or last) supervisor started: a run's, or a resume's. */
    STARTED_MS(1, "started-ms"),
    /** When it completed, failed or was stopped; 0 while it runs. */
    FINISHED_MS(2, "finished-ms"),
    /** {@link RunState}. */
    RUN_STATE(3, "run-state"),
    /** The supervisor's liveness, as of its last poll (epoch ms). */
    SUPERVISOR_HEARTBEAT_MS(4, "supervisor-heartbeat-ms");

    private static final PipelineField[] BY_ID = new PipelineField[values().length];

    static {
        for (PipelineField field : values()) {
            BY_ID[field.id] = field;
        }
    }

    /** Its counters' key in control.dat: on disk, so a field keeps its id (a new one takes the next). */
    private final int id;
    private final String label;

    PipelineField(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    /** The field of a counter key, or null for one this version does not know. */
    public static PipelineField byId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    public String label() {
        return label;
    }
}
