package dev.sluice.examples;

import dev.sluice.api.ByteView;
import dev.sluice.api.CountTable;

/** Words as the word-count examples define them: maximal runs of ASCII letters, digits and '_', case kept. */
final class Words {
    private static final boolean[] WORD_BYTE = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            WORD_BYTE[b] = Tokenizer.isWordChar((char) b);
        }
    }

    private Words() {
    }

    /** Adds one to the count of every word of {@code text[from, to)}, read in place. */
    static void count(ByteView text, int from, int to, CountTable counts) {
        int i = from;
        while (i < to) {
            while (i < to && !WORD_BYTE[text.byteAt(i) & 0xFF]) {
                i++;
            }
            int start = i;
            while (i < to && WORD_BYTE[text.byteAt(i) & 0xFF]) {
                i++;
            }
            if (i > start) {
                counts.add(text, start, i - start, 1);
            }
        }
    }
}
