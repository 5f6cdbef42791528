package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.queue.DeadLetter;
import dev.sluice.queue.DeadLetterQueue;
import dev.sluice.supervisor.RunResult;
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

    private static long asLong(byte[] record) {
        return ByteBuffer.wrap(record).order(ByteOrder.nativeOrder()).getLong();
    }
}
