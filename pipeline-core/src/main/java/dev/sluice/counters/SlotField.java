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
    /** The record being processed: input queue plus one, document, index in the document. */
    IN_FLIGHT_QUEUE("in-flight-queue"),
    IN_FLIGHT_DOC("in-flight-doc"),
    IN_FLIGHT_INDEX("in-flight-index"),
    /** Crashes since the slot last made progress (the supervisor counts, the slot resets). */
    CRASHES("crashes"),
    /** Milliseconds spent waiting for the slowest reader (max-lag). */
    BACKPRESSURE_MS("backpressure-ms"),
    /** When this slot's current process first took in (or, for a source, put out) a record. */
    FIRST_RECORD_MS("first-record-ms"),
    /** Milliseconds of duty cycles that did work (Flink's busyTimeMsPerSecond, summed). */
    BUSY_MS("busy-ms"),
    /** Milliseconds of duty cycles that found nothing to do, not counting time held back by max-lag. */
    IDLE_MS("idle-ms"),
    /** Bytes of the input documents taken (headers included). */
    BYTES_IN("bytes-in"),
    /** CPU time of the slot's processes (of its thread, when it runs in another JVM's). */
    CPU_MS("cpu-ms"),
    /** Resident memory of the current process, as the supervisor last sampled it from /proc. */
    RSS_BYTES("rss-bytes"),
    /** The highest resident memory any process of the slot reached (/proc's VmHWM). */
    PEAK_RSS_BYTES("peak-rss-bytes"),
    /** Processes of the slot killed for a stale heartbeat. */
    HANGS("hangs"),
    /** A source that knows its size ({@link dev.sluice.api.SizedSource}): how much it has read, and in all (0: unknown). */
    SOURCE_DONE("source-done"),
    SOURCE_SIZE("source-size"),
    /** Per input document: processing time (latency statistics, see {@link LatencyKind}). */
    PROCESSING_COUNT("processing-count"),
    PROCESSING_SUM_NS("processing-sum-ns"),
    PROCESSING_P50_NS("processing-p50-ns"),
    PROCESSING_P99_NS("processing-p99-ns"),
    PROCESSING_P999_NS("processing-p999-ns"),
    PROCESSING_MAX_NS("processing-max-ns"),
    /** Per input document: from its append to its taking. */
    QUEUE_WAIT_COUNT("queue-wait-count"),
    QUEUE_WAIT_SUM_NS("queue-wait-sum-ns"),
    QUEUE_WAIT_P50_NS("queue-wait-p50-ns"),
    QUEUE_WAIT_P99_NS("queue-wait-p99-ns"),
    QUEUE_WAIT_P999_NS("queue-wait-p999-ns"),
    QUEUE_WAIT_MAX_NS("queue-wait-max-ns"),
    /** Per input document of an aggregate: from the origin timestamp (its source batch) to processed. */
    END_TO_END_COUNT("end-to-end-count"),
    END_TO_END_SUM_NS("end-to-end-sum-ns"),
    END_TO_END_P50_NS("end-to-end-p50-ns"),
    END_TO_END_P99_NS("end-to-end-p99-ns"),
    END_TO_END_P999_NS("end-to-end-p999-ns"),
    END_TO_END_MAX_NS("end-to-end-max-ns");

    private final String label;

    SlotField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
