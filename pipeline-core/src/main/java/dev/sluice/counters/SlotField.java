package dev.sluice.counters;

/**
 * The counters every process slot (stage, worker) has. They belong to the slot, not to a pid: a
 * restarted process takes its slot's counters over, so readers never see stale twins.
 */
public enum SlotField {
    PID("pid"),
    STATE("state"),
    HEARTBEAT_MS("heartbeat-ms"),
    STARTED_MS("started-ms"),
    FINISHED_MS("finished-ms"),
    RECORDS_IN("records-in"),
    RECORDS_OUT("records-out"),
    DOCS_IN("docs-in"),
    DOCS_OUT("docs-out"),
    BYTES_OUT("bytes-out"),
    ERRORS("errors"),
    RESTARTS("restarts"),
    CLAIM("claim");

    private final String label;

    SlotField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
