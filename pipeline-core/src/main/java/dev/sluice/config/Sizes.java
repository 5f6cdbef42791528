package dev.sluice.config;

import java.util.Locale;

/** Parses YAML sizes: {@code 512KB}, {@code 256MB}, {@code 2GB}, {@code 1TB} (powers of 1024), or plain bytes. */
final class Sizes {
    private Sizes() {
    }

    /** Bytes, or -1 if {@code text} is not a size. */
    static long bytes(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        int shift = 0;
        for (String[] unit : new String[][] {{"KB", "10"}, {"MB", "20"}, {"GB", "30"}, {"TB", "40"}, {"B", "0"}}) {
            if (t.endsWith(unit[0])) {
                shift = Integer.parseInt(unit[1]);
                t = t.substring(0, t.length() - unit[0].length()).trim();
                break;
            }
        }
        try {
            double value = Double.parseDouble(t);
            return value < 0 || Double.isNaN(value) ? -1 : (long) (value * (1L << shift));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
