package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import dev.sluice.queue.DeadLetter;
import dev.sluice.queue.DeadLetterQueue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that hangs its process is found by hang detection (thread dump, kill -9), and a kill for a hang
 * in a record counts towards poison-after like a crash; a hang outside any record, or a process stopped by
 * SIGSTOP, accuses no record.
 */
@Timeout(90)
class HangingRecordTest extends PipelineTestSupport {
    private static final long SUM = 500_500;
    /**
     * Where one false hang would turn the outcome (poison-after 1 and a record in flight), a deadline that a
     * healthy process starved of CPU on a loaded machine still meets.
     */
    private static final String LOADED_MACHINE_HANG_TIMEOUT = "4s";

    @TempDir
    Path dir;

    @Test
    void shouldDeadLetterARecordThatHangsItsProcessPoisonAfterTimes() throws Exception {
        RunResult result = Pipeline.load(testPipeline("hanging.yaml"),
                Map.of("sleep-on", "500", "poison-after", "2", "on-error", "dead-letter",
                        "hang-timeout", LOADED_MACHINE_HANG_TIMEOUT)).workDir(dir).run();

        assertEquals(Long.toString(SUM - 500), result.value());
        List<DeadLetter> letters = DeadLetterQueue.readAll(result.runDirectory().resolve("dlq"));
        assertEquals(1, letters.size());
        assertEquals(500, ByteBuffer.wrap(letters.get(0).record()).order(ByteOrder.nativeOrder()).getLong());
        assertTrue(letters.get(0).error().contains("crashed or hung 2 times in a row"), letters.get(0).error());
        String supervisorLog = supervisorLog(result.runDirectory());
        assertTrue(supervisorLog.contains("in record 99 of input 0 document 4, which counts towards poison-after 2"),
                supervisorLog);
    }

    @Test
    void shouldFailTheRunNamingARecordThatHangsUnderOnErrorFail() {
        RunFailedException failure = assertThrows(RunFailedException.class, () -> Pipeline.load(
                testPipeline("hanging.yaml"), Map.of("sleep-on", "500", "poison-after", "1",
                        "hang-timeout", LOADED_MACHINE_HANG_TIMEOUT)).workDir(dir).run());

        String message = failure.getMessage();
        assertTrue(message.contains("stage 'sleepy' failed on record 99 of input 0 document 4 (on-error: fail"), message);
        assertTrue(message.contains("crashed or hung 1 times in a row with this record in flight"), message);
    }

    @Test
    void shouldAccuseNoRecordWhenTheHangIsOutsideAnyRecord() throws Exception {
        RunResult result = Pipeline.load(testPipeline("hanging.yaml"),
                Map.of("hang-in-flush-once", "true", "poison-after", "1", "hang-timeout", LOADED_MACHINE_HANG_TIMEOUT)).workDir(dir).run();

        assertEquals(Long.toString(SUM), result.value());
        assertEquals(List.of(), DeadLetterQueue.readAll(result.runDirectory().resolve("dlq")));
        String supervisorLog = supervisorLog(result.runDirectory());
        assertTrue(supervisorLog.contains("outside any record (open, flush or a snapshot), which accuses none"),
                supervisorLog);
    }

    @Test
    void shouldAccuseNoRecordWhenTheProcessIsStoppedBySigstop() throws Exception {
        Pipeline pipeline = Pipeline.load(testPipeline("hanging.yaml"),
                Map.of("to", "1500", "pause-ms", "5", "poison-after", "1",
                "hang-timeout", LOADED_MACHINE_HANG_TIMEOUT)).workDir(dir);
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("hanging"))) {
            // 1500 records of 5 ms: seconds of work left after the first 100, so a test thread starved on a
            // loaded machine still stops the process mid-stream, not after it finished
            long pid = run.awaitSlot("sleepy-0", s -> s.state().label().equals("running")
                    && s.get(SlotField.RECORDS_IN) >= 100).get(SlotField.PID);
            assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor());

            RunResult result = run.result();

            assertEquals(Long.toString(1500 * 1501 / 2), result.value());
            assertEquals(1, run.slot("sleepy-0").get(SlotField.RESTARTS));
            assertTrue(supervisorLog(result.runDirectory()).contains("stopped by a signal, which no record can do"));
        }
    }

    private static String supervisorLog(Path runDir) throws Exception {
        try (var logs = Files.list(runDir.resolve("logs"))) {
            Path log = logs.filter(p -> p.getFileName().toString().startsWith("supervisor-")).findFirst().orElseThrow();
            return Files.readString(log);
        }
    }
}
