package dev.sluice.config;

/** Parses YAML durations: {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h}, or plain milliseconds. */
final class Durations {
    private Durations() {
    }

    /** Milliseconds, or -1 if {@code text} is not a duration. */
    static long millis(String text) {
        String t = text.trim();
        long unit = 1;
        if (t.endsWith("ms")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            unit = 1000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 60_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unit = 3_600_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            double value = Double.parseDouble(t.trim());
            return value < 0 || Double.isNaN(value) ? -1 : Math.round(value * unit);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
