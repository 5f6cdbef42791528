package dev.sluice.metrics;

import dev.sluice.counters.LatencyKind;

/**
 * How the HdrHistogram interval logs are named: one file per slot process,
 * {@code metrics/<stage>-<worker>-<pid>.hlog}, and in it one tag per slot and measure,
 * {@code <stage>-<worker>.<measure>} (measures: {@code processing}, {@code queue-wait}, {@code end-to-end});
 * values are nanoseconds.
 */
public final class HistogramLogFiles {
    public static final String SUFFIX = ".hlog";

    private HistogramLogFiles() {
    }

    public static String tag(String stage, int worker, LatencyKind kind) {
        return stage + "-" + worker + "." + kind.label();
    }

    /** The measure a tag names, or null for a tag that is not Sluice's. */
    public static LatencyKind kind(String tag) {
        int dot = tag == null ? -1 : tag.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String label = tag.substring(dot + 1);
        for (LatencyKind kind : LatencyKind.values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        return null;
    }

    /** The slot ({@code <stage>-<worker>}) a tag names. */
    public static String slot(String tag) {
        return tag.substring(0, tag.lastIndexOf('.'));
    }
}
