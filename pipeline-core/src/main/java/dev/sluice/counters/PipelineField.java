package dev.sluice.counters;

/** Pipeline-wide counters. */
public enum PipelineField {
    SUPERVISOR_PID("supervisor-pid"),
    STARTED_MS("started-ms"),
    FINISHED_MS("finished-ms");

    private final String label;

    PipelineField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
