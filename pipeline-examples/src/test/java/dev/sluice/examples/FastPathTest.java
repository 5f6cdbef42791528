package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.Pipeline;
import dev.sluice.outcome.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every fast path gives the per-record path's result on the same input. */
class FastPathTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void shouldCountWordsAlikeLineByLineInPlaceAndInChunksWithPartitions() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 3, 8_000);
        String expected = Corpus.expectedTsv(corpus);

        assertEquals(expected, wordCount("wordcount-lines.yaml", corpus, Map.of("tokenizer", "Tokenizer"), true));
        assertEquals(expected, wordCount("wordcount-lines.yaml", corpus, Map.of("tokenizer", "LineTokenizer"), true));
        assertEquals(expected, wordCount("wordcount.yaml", corpus, Map.of("chunk", "16KB", "partitions", "2"), false));
        assertEquals(expected, wordCount("wordcount.yaml", corpus, Map.of("chunk", "3KB", "partitions", "3"), true));
    }

    @Test
    @Timeout(120)
    void shouldCountPrimesAlikeInTasksOfOneNumberOrOfMany() throws Exception {
        for (String chunk : new String[] {"1", "777", "100000"}) {
            RunResult result = Pipeline.load(config("primes.yaml"), Map.of("to", "30000", "chunk", chunk, "workers", "2"))
                    .workDir(dir.resolve("primes-" + chunk)).inProcess(true).run();
            assertEquals("3245", result.value().trim(), "chunk " + chunk);
        }
    }

    @Test
    @Timeout(120)
    void shouldSumSquareRootsWithPrimitiveRecordsAsPlainJavaDoes() throws Exception {
        RunResult result = Pipeline.load(config("sqrt-sum.yaml"), Map.of("n", "20000", "tasks", "5", "workers", "2"))
                .workDir(dir).inProcess(true).run();

        double expected = 0;
        for (long n = 20_000; n < 20_005; n++) {
            for (long i = 0; i < n; i++) {
                expected += Math.sqrt(i);
            }
        }
        assertEquals(expected, Double.parseDouble(result.value().trim()), expected * 1e-12);
    }

    private String wordCount(String pipeline, Path corpus, Map<String, String> extra, boolean inProcess)
            throws Exception {
        Path output = dir.resolve(pipeline + extra.hashCode() + inProcess + ".tsv");
        Map<String, String> params = new HashMap<>(Map.of("input", corpus + "/*", "output", output.toString(),
                "workers", "2"));
        params.putAll(extra);
        Pipeline.load(config(pipeline), params).workDir(dir.resolve("runs")).inProcess(inProcess).run();
        return Files.readString(output);
    }
}
