package dev.sluice.stages;

import dev.sluice.api.Options;

/** A delimiter or quote option: one ASCII character, or {@code tab}. */
final class CsvChars {
    private CsvChars() {
    }

    static char get(Options options, String key, char defaultValue) {
        if (!options.has(key)) {
            return defaultValue;
        }
        String text = options.getString(key);
        if (text.equals("tab") || text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1 || text.charAt(0) > 127 || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
            throw options.error(key, "expected one ASCII character (or tab), got '" + text + "'");
        }
        return text.charAt(0);
    }
}
