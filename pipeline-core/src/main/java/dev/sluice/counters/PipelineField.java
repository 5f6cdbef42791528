package dev.sluice.counters;

/** Pipeline-wide counters. */
public enum PipelineField {
    SUPERVISOR_PID("supervisor-pid"),
    /** When the current (or last) supervisor started: a run's, or a resume's. */
    STARTED_MS("started-ms"),
    /** When it completed, failed or was stopped; 0 while it runs. */
    FINISHED_MS("finished-ms"),
    /** {@link RunState}. */
    RUN_STATE("run-state"),
    /** The supervisor's liveness, as of its last poll (epoch ms). */
    SUPERVISOR_HEARTBEAT_MS("supervisor-heartbeat-ms");

    private final String label;

    PipelineField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
