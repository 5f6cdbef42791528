package dev.sluice.stages;

import dev.sluice.api.Options;
import java.util.Locale;

/** Byte sizes in options: a number of bytes, or with a unit: {@code 256KB}, {@code 16MB}, {@code 1GB}. */
final class ByteSizes {
    private ByteSizes() {
    }

    static long get(Options options, String key, long defaultValue, long min, long max) {
        if (!options.has(key)) {
            return defaultValue;
        }
        String text = options.getString(key).trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        for (String[] suffix : new String[][] {{"KB", "10"}, {"MB", "20"}, {"GB", "30"}, {"K", "10"}, {"M", "20"},
                {"G", "30"}, {"B", "0"}}) {
            if (text.endsWith(suffix[0])) {
                unit = 1L << Integer.parseInt(suffix[1]);
                text = text.substring(0, text.length() - suffix[0].length()).trim();
                break;
            }
        }
        try {
            long bytes = Math.round(Double.parseDouble(text) * unit);
            if (bytes < min || bytes > max) {
                throw options.error(key, "must be between " + min + " and " + max + " bytes");
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw options.error(key, "expected a size such as 256KB or 16MB, got '" + options.getString(key) + "'");
        }
    }
}
