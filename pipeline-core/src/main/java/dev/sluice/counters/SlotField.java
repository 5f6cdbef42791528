package dev.sluice.counters;

/**
 * The counters every process slot (stage, worker) has. They belong to the slot, not to a pid: a
 * restarted process takes its slot's counters over, so readers never see stale twins.
 */
public enum SlotField {
    PID(0, "pid"),
    STATE(1, "state"),
    HEARTBEAT_MS(2, "heartbeat-ms"),
    STARTED_MS(3, "started-ms"),
    FINISHED_MS(4, "finished-ms"),
    RECORDS_IN(5, "records-in"),
    RECORDS_OUT(6, "records-out"),
    DOCS_IN(7, "docs-in"),
    DOCS_OUT(8, "docs-out"),
    BYTES_OUT(9, "bytes-out"),
    ERRORS(10, "errors"),
    RESTARTS(11, "restarts"),
    /** Input queue of the current claim, plus one (0: none). */
    CLAIM_QUEUE(12, "claim-queue"),
    /** First input document of the current claim. */
    CLAIM(13, "claim"),
    /** 1 once the claim is known to be this slot's (its compare-and-set succeeded). */
    CLAIM_OWNED(14, "claim-owned"),
    /** How many input documents the current claim holds (claim sizes adapt to the cost per document). */
    CLAIM_SIZE(15, "claim-size"),
    /** The record being processed: input queue plus one, document, index in the document. */
    IN_FLIGHT_QUEUE(16, "in-flight-queue"),
    IN_FLIGHT_DOC(17, "in-flight-doc"),
    IN_FLIGHT_INDEX(18, "in-flight-index"),
    /** Crashes since the slot last made progress (the supervisor counts, the slot resets). */
    CRASHES(19, "crashes"),
    /** Milliseconds spent waiting for the slowest reader (max-lag). */
    BACKPRESSURE_MS(20, "backpressure-ms"),
    /** When this slot's current process first took in (or, for a source, put out) a record. */
    FIRST_RECORD_MS(21, "first-record-ms"),
    /** Milliseconds of duty cycles that did work (Flink's busyTimeMsPerSecond, summed). */
    BUSY_MS(22, "busy-ms"),
    /** Milliseconds of duty cycles that found nothing to do, not counting time held back by max-lag. */
    IDLE_MS(23, "idle-ms"),
    /** Bytes of the input documents taken (headers included). */
    BYTES_IN(24, "bytes-in"),
    /** CPU time of the slot's processes (of its thread, when it runs in another JVM's). */
    CPU_MS(25, "cpu-ms"),
    /** Resident memory of the current process, as the supervisor last sampled it from /proc. */
    RSS_BYTES(26, "rss-bytes"),
    /** The highest resident memory any process of the slot reached (/proc's VmHWM). */
    PEAK_RSS_BYTES(27, "peak-rss-bytes"),
    /** Processes of the slot killed for a stale heartbeat. */
    HANGS(28, "hangs"),
    /** A source that knows its size ({@link dev.sluice.api.SizedSource}): how much it has read, and in all (0: unknown). */
    SOURCE_DONE(29, "source-done"),
    SOURCE_SIZE(30, "source-size"),
    /** Per input document: processing time (latency statistics, see {@link LatencyKind}). */
    PROCESSING_COUNT(31, "processing-count"),
    PROCESSING_SUM_NS(32, "processing-sum-ns"),
    PROCESSING_P50_NS(33, "processing-p50-ns"),
    PROCESSING_P99_NS(34, "processing-p99-ns"),
    PROCESSING_P999_NS(35, "processing-p999-ns"),
    PROCESSING_MAX_NS(36, "processing-max-ns"),
    /** Per input document: from its append to its taking. */
    QUEUE_WAIT_COUNT(37, "queue-wait-count"),
    QUEUE_WAIT_SUM_NS(38, "queue-wait-sum-ns"),
    QUEUE_WAIT_P50_NS(39, "queue-wait-p50-ns"),
    QUEUE_WAIT_P99_NS(40, "queue-wait-p99-ns"),
    QUEUE_WAIT_P999_NS(41, "queue-wait-p999-ns"),
    QUEUE_WAIT_MAX_NS(42, "queue-wait-max-ns"),
    /** Per input document of an aggregate: from the origin timestamp (its source batch) to processed. */
    END_TO_END_COUNT(43, "end-to-end-count"),
    END_TO_END_SUM_NS(44, "end-to-end-sum-ns"),
    END_TO_END_P50_NS(45, "end-to-end-p50-ns"),
    END_TO_END_P99_NS(46, "end-to-end-p99-ns"),
    END_TO_END_P999_NS(47, "end-to-end-p999-ns"),
    END_TO_END_MAX_NS(48, "end-to-end-max-ns");

    private static final SlotField[] BY_ID = new SlotField[values().length];

    static {
        for (SlotField field : values()) {
            BY_ID[field.id] = field;
        }
    }

    /** Its counters' key in control.dat: on disk, so a field keeps its id (a new one takes the next). */
    private final int id;
    private final String label;

    SlotField(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    /** The field of a counter key, or null for one this version does not know. */
    public static SlotField byId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    public String label() {
        return label;
    }
}
