package dev.sluice.examples;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.KeyCount;
import dev.sluice.api.Processor;
import java.util.HashMap;
import java.util.Map;

/**
 * Splits lines into words (maximal runs of ASCII letters, digits and '_', case kept) and, as a
 * MapReduce combiner, emits each word once per batch with its count there.
 */
public final class Tokenizer implements Processor<String, KeyCount> {
    private final Map<String, long[]> counts = new HashMap<>();

    @Override
    public Codec<String> inputCodec() {
        return Codecs.STRING;
    }

    @Override
    public Codec<KeyCount> outputCodec() {
        return Codecs.KEY_COUNT;
    }

    @Override
    public void process(String line, Emitter<KeyCount> out) {
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                counts.computeIfAbsent(line.substring(start, i), w -> new long[1])[0]++;
            }
        }
    }

    @Override
    public void flush(Emitter<KeyCount> out) {
        counts.forEach((word, count) -> out.emit(new KeyCount(word, count[0])));
        counts.clear();
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
