package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Options;
import java.nio.charset.StandardCharsets;

/** What the stages that write each record as a line of text (collect, lines-out) share: their codec, a record's line. */
final class TextRecords {
    private TextRecords() {
    }

    /** The {@code codec} option: string (the default), long, double, bytes, key-count or a Codec class. */
    @SuppressWarnings("unchecked")
    static Codec<Object> codec(Options options) {
        try {
            return (Codec<Object>) Codecs.byName(options.getString("codec", "string"));
        } catch (IllegalArgumentException e) {
            throw options.error("codec", e.getMessage());
        }
    }

    /** A record's line: bytes as UTF-8 text, anything else as its string. */
    static String text(Object record) {
        return record instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(record);
    }
}
