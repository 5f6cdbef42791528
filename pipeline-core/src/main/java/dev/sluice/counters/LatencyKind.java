package dev.sluice.counters;

/**
 * What a slot measures per input document with HdrHistogram, and the counters in which it publishes
 * each measure's count, sum and percentiles (of its current process) for readers of {@code control.dat}.
 */
public enum LatencyKind {
    /** How long the stage took over the document. */
    PROCESSING("processing", SlotField.PROCESSING_COUNT),
    /** From the document's append to the moment this stage took it. */
    QUEUE_WAIT("queue-wait", SlotField.QUEUE_WAIT_COUNT),
    /** From the origin timestamp (when the source began the batch it descends from) to processed; aggregates only. */
    END_TO_END("end-to-end", SlotField.END_TO_END_COUNT);

    /** The statistics published per kind, in the order of their slot fields. */
    public enum Stat { COUNT, SUM_NS, P50_NS, P99_NS, P999_NS, MAX_NS }

    private final String label;
    private final SlotField first;

    LatencyKind(String label, SlotField first) {
        this.label = label;
        this.first = first;
    }

    public String label() {
        return label;
    }

    public SlotField field(Stat stat) {
        return SlotField.values()[first.ordinal() + stat.ordinal()];
    }
}
