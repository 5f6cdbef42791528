package dev.sluice.bench;

import dev.sluice.api.ByteView;
import dev.sluice.api.CountTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The count table as a tokenizer's combiner uses it: words of a text (a 433k-word vocabulary, Zipf-like
 * frequencies) added one by one, the table cleared every 500k words (a claim); and the word-count result's
 * order: a table of 2M such words (most counted once or twice) sorted by count, then word. Scores are words
 * per second (distinct words for the sort).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CountTableBenchmark {
    private static final int WORDS = 500_000;

    private static final int RESULT_WORDS = 2_000_000;

    private final CountTable table = new CountTable(1 << 16);
    private final CountTable result = new CountTable(1 << 16);
    private ByteView text;
    private int[] starts;
    private int[] lengths;

    @Setup(Level.Trial)
    public void text() {
        Vocabulary vocabulary = new Vocabulary(433_000);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        starts = new int[WORDS];
        lengths = new int[WORDS];
        for (int i = 0; i < WORDS; i++) {
            byte[] word = vocabulary.next();
            starts[i] = bytes.size();
            lengths[i] = word.length;
            bytes.write(word, 0, word.length);
            bytes.write(' ');
        }
        text = ByteView.of(bytes.toByteArray());
        for (int i = 0; i < RESULT_WORDS; i++) {
            byte[] word = vocabulary.next();
            result.add(ByteView.of(word), 0, word.length, 1);
        }
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public int addAClaimsWords() {
        table.clear();
        for (int i = 0; i < WORDS; i++) {
            table.add(text, starts[i], lengths[i], 1);
        }
        return table.size();
    }

    @Benchmark
    public int sortTheResult() {
        return result.sortedByCount().length;
    }
}
