package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.outcome.RunResult;
import dev.sluice.queue.DeadLetter;
import dev.sluice.queue.DeadLetterQueue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldDeadLetterARecordThatThrowsAndFinishTheRun() throws Exception {
        RunResult result = Pipeline.load(testPipeline("failing.yaml"), Map.of("on-error", "dead-letter"))
                .workDir(dir).run();

        assertEquals(Long.toString(500_500 - 777), result.value());
        List<DeadLetter> letters = DeadLetterQueue.readAll(result.runDirectory().resolve("dlq"));
        assertEquals(1, letters.size());
        DeadLetter letter = letters.get(0);
        assertEquals("picky", letter.stage());
        assertTrue(letter.error().contains("refusing record 777"), letter.error());
        assertTrue(letter.stackTrace().contains("FailOn.process"), letter.stackTrace());
        assertEquals(777, asLong(letter.record()));
        // the stage still refuses it: a replay says so and exits 1
        assertEquals(1, dev.sluice.cli.SluiceCli.execute("dlq", result.runDirectory().toString(), "--replay"));
    }

    @Test
    void shouldSkipARecordThatThrowsWhenToldTo() throws Exception {
        RunResult result = Pipeline.load(testPipeline("failing.yaml"), Map.of("on-error", "skip")).workDir(dir).run();

        assertEquals(Long.toString(500_500 - 777), result.value());
        assertEquals(List.of(), DeadLetterQueue.readAll(result.runDirectory().resolve("dlq")));
    }

    @Test
    void shouldDeadLetterARecordThatKeepsCrashingItsProcess() throws Exception {
        RunResult result = Pipeline.load(testPipeline("crashing.yaml"),
                Map.of("poison-after", "2", "max-restarts", "5", "on-error", "dead-letter")).workDir(dir).run();

        assertEquals(Long.toString(500_500 - 500), result.value());
        List<DeadLetter> letters = DeadLetterQueue.readAll(result.runDirectory().resolve("dlq"));
        assertEquals(1, letters.size());
        assertTrue(letters.get(0).error().contains("crashed or hung 2 times in a row"), letters.get(0).error());
        assertEquals(500, asLong(letters.get(0).record()));
    }

    @Test
    void shouldSayInTheSummaryHowManyRecordsWereDeadLetteredAndFailWhenTold() throws Exception {
        String[] run = {"run", testPipeline("failing.yaml").toString(), "--set", "on-error=dead-letter", "--in-process",
                "-q", "--work-dir", dir.toString()};

        Cli tolerated = Cli.run(run);
        Cli flagged = Cli.run(concat(run, "--fail-on-dead-letters"));
        Cli configured = Cli.run(concat(run, "--set", "fail-on-dead-letters=true"));

        assertEquals(0, tolerated.exitCode(), tolerated.toString());
        assertTrue(tolerated.out().matches("(?s).*1 record dead-lettered; `sluice dlq \\S+/failing/[-0-9a-f]+` lists it.*"),
                tolerated.toString());
        for (Cli failed : List.of(flagged, configured)) {
            assertEquals(1, failed.exitCode(), failed.toString());
            assertTrue(failed.out().contains("1 record dead-lettered"), failed.toString());
            assertTrue(failed.err().contains("failed: it dead-lettered 1 record and fail-on-dead-letters is set"),
                    failed.toString());
        }
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static long asLong(byte[] record) {
        return ByteBuffer.wrap(record).order(ByteOrder.nativeOrder()).getLong();
    }
}
