package dev.sluice.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Words as real text has them: a vocabulary of distinct words drawn with Zipf-like frequencies (a few
 * very common, a long tail), so tables see the hits and misses a word count sees.
 */
final class Vocabulary {
    final byte[][] words;
    private final Random random = new Random(42);

    Vocabulary(int distinct) {
        words = new byte[distinct][];
        for (int i = 0; i < distinct; i++) {
            words[i] = ("w" + Integer.toString(i * 7919, 36)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A word drawn with a frequency falling as 1/rank. */
    byte[] next() {
        double u = random.nextDouble();
        int rank = (int) Math.min(words.length - 1, Math.exp(u * Math.log(words.length)) - 1);
        return words[rank];
    }
}
