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
    /** Input queue of the current claim, plus one (0: none). */
    CLAIM_QUEUE("claim-queue"),
    /** First input document of the current claim. */
    CLAIM("claim"),
    /** 1 once the claim is known to be this slot's (its compare-and-set succeeded). */
    CLAIM_OWNED("claim-owned"),
    /** How many input documents the current claim holds (claim sizes adapt to the cost per document). */
    CLAIM_SIZE("claim-size"),
    /** The record being processed: input queue plus one, document, index in the document. */
    IN_FLIGHT_QUEUE("in-flight-queue"),
    IN_FLIGHT_DOC("in-flight-doc"),
    IN_FLIGHT_INDEX("in-flight-index"),
    /** Crashes since the slot last made progress (the supervisor counts, the slot resets). */
    CRASHES("crashes"),
    /** Milliseconds spent waiting for the slowest reader (max-lag). */
    BACKPRESSURE_MS("backpressure-ms"),
    /** When this slot's current process first took in (or, for a source, put out) a record. */
    FIRST_RECORD_MS("first-record-ms");

    private final String label;

    SlotField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
