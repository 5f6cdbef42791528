package dev.sluice.runtime;

/**
 * How many input documents a worker claims at a time ({@code claim-size}). A fixed size when the YAML
 * sets one; otherwise it adapts to the measured cost per document, as Pool's chunksize should: claims
 * long enough that claiming costs nothing (and a combiner's scope is large), short enough that workers
 * finish together and a restart redoes little, and with outputs well below a document's size limit.
 */
final class ClaimSizer {
    static final long TARGET_NANOS = 20_000_000;
    static final long TARGET_OUTPUT_BYTES = 1 << 20;
    static final int MAX_CLAIM = 1024;

    private final int fixed;
    private double nanosPerDoc = -1;
    private double bytesPerDoc;

    /** @param fixed the YAML's claim-size, or 0 to adapt */
    ClaimSizer(int fixed) {
        this.fixed = fixed;
    }

    int next() {
        if (fixed > 0) {
            return fixed;
        }
        if (nanosPerDoc < 0) {
            return 1;
        }
        double byTime = TARGET_NANOS / Math.max(1, nanosPerDoc);
        double byOutput = TARGET_OUTPUT_BYTES / Math.max(1, bytesPerDoc);
        return (int) Math.max(1, Math.min(MAX_CLAIM, Math.min(byTime, byOutput)));
    }

    /** {@code docs} input documents took {@code nanos} to process and produced {@code outputBytes}. */
    void measured(int docs, long nanos, long outputBytes) {
        if (docs <= 0) {
            return;
        }
        double nanos1 = (double) nanos / docs;
        double bytes1 = (double) outputBytes / docs;
        boolean first = nanosPerDoc < 0;
        nanosPerDoc = first ? nanos1 : 0.5 * nanosPerDoc + 0.5 * nanos1;
        bytesPerDoc = first ? bytes1 : 0.5 * bytesPerDoc + 0.5 * bytes1;
    }
}
