package dev.sluice.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistinctErrorsTest {
    @TempDir
    Path dir;


    @Test
    void shouldKeepEachDistinctExceptionOnceWithItsCountOverTheWorkersOfAStage() throws Exception {
        SlotErrorLog worker0 = SlotErrorLog.of(dir, "parse", 0);
        SlotErrorLog worker1 = SlotErrorLog.of(dir, "parse", 1);
        SlotErrorLog sum = SlotErrorLog.of(dir, "sum", 0);
        List<SlotErrorLog> logs = List.of(worker0, worker0, worker0, worker1, worker1, sum);
        List<String> messages = List.of("bad", "bad", "bad", "bad", "worse", "bad");
        for (int i = 0; i < logs.size(); i++) {
            logs.get(i).record(new IllegalStateException(messages.get(i))); // one line, so one stack trace
        }

        List<DistinctError> errors = DistinctErrors.read(dir);

        assertEquals(3, errors.size(), errors.toString());
        DistinctError bad = errors.stream().filter(e -> e.stage().equals("parse") && e.headline().endsWith("bad"))
                .findFirst().orElseThrow();
        assertEquals(4, bad.count());
        assertEquals(Set.of(0, 1), bad.workers());
        assertEquals(Set.of(ProcessHandle.current().pid()), bad.pids());
        assertTrue(bad.firstMillis() <= bad.lastMillis());
        assertEquals("java.lang.IllegalStateException: bad", bad.headline());
        assertTrue(bad.stackTrace().contains("DistinctErrorsTest.shouldKeep"), bad.stackTrace());
        assertEquals(1, errors.stream().filter(e -> e.stage().equals("sum")).count());
        assertEquals("java.lang.IllegalStateException: worse",
                DistinctErrors.latest(dir, "parse", 1, ProcessHandle.current().pid()).orElseThrow().headline());
    }

    @Test
    void shouldTakeTheLastWrittenLogsErrorAsTheLatestOfErrorsInTheSameMillisecond() throws Exception {
        // a JVM that runs a slot again writes x-0-7.errors, then x-0-7.2.errors ... x-0-7.10.errors
        writeLog("x-0-7.errors", "first");
        writeLog("x-0-7.2.errors", "second");
        writeLog("x-0-7.10.errors", "tenth");

        assertEquals("java.lang.IllegalStateException: tenth",
                DistinctErrors.latest(dir, "x", 0, 7).orElseThrow().headline());
        assertEquals("java.lang.IllegalStateException: tenth", DistinctErrors.read(dir).get(2).headline());
    }

    /** An error log holding one error recorded at millisecond 100, as every other here. */
    private void writeLog(String name, String message) throws Exception {
        ByteBuffer bytes = ByteBuffer.allocateDirect(64 * 1024);
        new DistinctErrorLog(new UnsafeBuffer(bytes), () -> 100L, StandardCharsets.UTF_8)
                .record(new IllegalStateException(message));
        byte[] copy = new byte[bytes.capacity()];
        bytes.get(0, copy);
        Files.write(dir.resolve(name), copy);
    }

    @Test
    void shouldReadNothingWhereNothingFailed() throws Exception {
        assertEquals(List.of(), DistinctErrors.read(dir.resolve("none")));
    }
}
