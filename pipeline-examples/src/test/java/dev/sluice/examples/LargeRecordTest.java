package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.api.Codecs;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import dev.sluice.queue.DeadLetter;
import dev.sluice.queue.DeadLetterQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Records of any size up to queues.max-record-size, end to end; beyond it one clear error. */
class LargeRecordTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void shouldCountAWordLongerThan64KBWithTheAggregateSnapshotting() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 2, 20_000);
        Files.writeString(corpus.resolve("0-first.txt"), "x".repeat(70_000) + " in front\n"); // sorts first
        Path output = dir.resolve("counts.tsv");

        RunResult result = Pipeline.load(testPipeline("wordcount-snapshots.yaml"),
                Map.of("input", corpus + "/*", "output", output.toString())).workDir(dir.resolve("runs")).run();

        assertEquals(Corpus.expectedTsv(corpus), Files.readString(output));
        assertEquals(List.of(), DeadLetterQueue.readAll(result.runDirectory().resolve("dlq")));
    }

    @Test
    @Timeout(300)
    void shouldNotBlameARecordForACrashInASnapshot() throws Exception {
        RunResult result = Pipeline.load(testPipeline("snapshot-crash.yaml")).workDir(dir).run();

        assertEquals(Long.toString(200_000L * 200_001 / 2), result.value());
        assertEquals(List.of(), DeadLetterQueue.readAll(result.runDirectory().resolve("dlq")));
        assertEquals("2", Files.readString(result.runDirectory().resolve("snapshot-crashes")));
    }

    @Test
    @Timeout(300)
    void shouldCarryRecordsLargerThanADocumentOnceHeldToTheAggregateAndToTheDeadLetters() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            lines.add("line " + i);
            if (i % 500 == 7) {
                lines.add(Character.toString('a' + i % 26).repeat(3_000_000 + i)); // over the 4 MB a document held
            }
        }
        String refused = "z".repeat(6_000_000);
        lines.add(1_000, refused);
        Path input = dir.resolve("in.txt");
        Files.write(input, lines);
        Path output = dir.resolve("out.txt");

        RunResult result = Pipeline.load(testPipeline("big-lines.yaml"), Map.of("input", input.toString(),
                "output", output.toString(), "max-record", "8MB", "refuse-over", "5000000")).workDir(dir).run();

        List<String> passed = new ArrayList<>(lines);
        passed.remove(1_000);
        assertEquals(passed, Files.readAllLines(output));
        List<DeadLetter> letters = DeadLetterQueue.readAll(result.runDirectory().resolve("dlq"));
        assertEquals(1, letters.size());
        assertEquals(refused, letters.get(0).decode(Codecs.STRING));
        assertTrue(letters.get(0).error().length() < 100_000, "the error quoting the line is cut short");
    }

    @Test
    @Timeout(300)
    void shouldFailAtOnceOnALineOverTheLimitNamingItsFileAndLine() throws Exception {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "one\ntwo\n" + "w".repeat(100_000) + "\nfour\n");

        RunFailedException failed = assertThrows(RunFailedException.class, () -> Pipeline.load(
                testPipeline("big-lines.yaml"), Map.of("input", input.toString(), "output", dir.resolve("o").toString(),
                        "max-record", "64KB", "refuse-over", "1000000")).workDir(dir).run());

        assertTrue(failed.getMessage().contains("line 3 of " + input), failed.getMessage());
        assertTrue(failed.getMessage().contains("queues.max-record-size"), failed.getMessage());
        assertFalse(failed.getMessage().contains("restarts"), "no restart can mend it: " + failed.getMessage());
    }
}
