package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import dev.sluice.queue.QueueFiles;
import dev.sluice.supervisor.RunFailedException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose disk fills up, a run directory moved elsewhere, a worker's document torn: each resumes to
 * the exact result.
 */
class FullDiskTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void shouldStopWithoutCrashingWhenTheDiskFillsAndResumeExactlyOnceThereIsRoom() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 4, 80_000); // about 13 MB of text
        String expected = Corpus.expectedTsv(corpus);
        Path output = dir.resolve("counts.tsv");
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), "12m")) {
            // no floor at all: every byte of the disk gets used, and still no process may die of SIGBUS
            Pipeline pipeline = Pipeline.load(testPipeline("wordcount-disk.yaml"),
                    Map.of("input", corpus + "/*", "output", output.toString(), "min-free", "0")).workDir(disk.dir());

            RunFailedException full = assertThrows(RunFailedException.class, pipeline::run);

            assertTrue(full.getMessage().contains("disk") && full.getMessage().contains("full"), full.getMessage());
            assertTrue(full.getMessage().contains("sluice resume"), full.getMessage());
            Path runDir = onlyRunIn(disk.dir().resolve("wordcount-disk"));
            String logs = logs(runDir);
            assertFalse(logs.contains("unsafe memory access"), "a process died of SIGBUS:\n" + logs);

            disk.resize("96m");
            Pipeline.resume(runDir, null);

            assertEquals(expected, Files.readString(output));
        }
    }

    @Test
    @Timeout(300)
    void shouldResumeARunDirectoryMovedElsewhere() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 2, 4_000);
        Path gate = dir.resolve("gate");
        Pipeline pipeline = Pipeline.load(testPipeline("wordcount-chaos.yaml"),
                Map.of("input", corpus + "/*", "gate", gate.toString())).workDir(dir.resolve("runs"));
        Path runDir;
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs/wordcount-chaos"))) {
            run.awaitSlot("count-0", s -> s.get(SlotField.RECORDS_IN) > 0);
            runDir = run.runDirectory();
        } // stops the run midway
        Files.createFile(gate);
        Path moved = dir.resolve("elsewhere");
        Files.move(dir.resolve("runs"), moved); // the whole work directory, as mv would
        Path movedRun = moved.resolve("wordcount-chaos").resolve(runDir.getFileName());

        Pipeline.resume(movedRun, null);

        assertEquals(Corpus.expectedTsv(corpus), Files.readString(movedRun.resolve("counts.tsv")));
        assertFalse(Files.exists(runDir), "the old place was written to");
    }

    @Test
    @Timeout(300)
    void shouldResumeExactlyPastATornDocumentOfAWorker() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 2, 4_000);
        Path output = dir.resolve("counts.tsv");
        Path gate = dir.resolve("gate");
        Pipeline pipeline = Pipeline.load(testPipeline("wordcount-chaos.yaml"), Map.of("input", corpus + "/*",
                "output", output.toString(), "gate", gate.toString())).workDir(dir.resolve("runs"));
        Path runDir;
        String worker;
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs/wordcount-chaos"))) {
            // whichever worker wrote documents (a worker whose JVM starts late may find every document claimed)
            LiveRun.await(() -> run.slot("tokenize-0").get(SlotField.DOCS_OUT) > 3
                    || run.slot("tokenize-1").get(SlotField.DOCS_OUT) > 3, run.future());
            worker = run.slot("tokenize-0").get(SlotField.DOCS_OUT) > 3 ? "tokenize-0" : "tokenize-1";
            runDir = run.runDirectory();
        }
        tearLastDocument(runDir.resolve("queues/" + worker)); // as a page lost when the machine went down
        Files.createFile(gate);

        Pipeline.resume(runDir, null);

        assertEquals(Corpus.expectedTsv(corpus), Files.readString(output));
    }

    /** Zeros the last 100 bytes of a queue's last document: its records no longer match its check word. */
    private static void tearLastDocument(Path queueDir) throws Exception {
        long end;
        Path cycleFile;
        try (SingleChronicleQueue queue = QueueFiles.open(queueDir); ExcerptTailer tailer = queue.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext dc = tailer.readingDocument()) {
                assertTrue(dc.isPresent(), "no document to tear");
                end = dc.wire().bytes().readLimit();
            }
            cycleFile = tailer.currentFile().toPath();
        }
        try (FileChannel file = FileChannel.open(cycleFile, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(100), end - 100);
        }
    }

    private static Path onlyRunIn(Path pipelineDir) throws Exception {
        try (Stream<Path> runs = Files.list(pipelineDir)) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static String logs(Path runDir) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(runDir.resolve("logs"))) {
            for (Path log : files.sorted().toList()) {
                all.append("== ").append(log.getFileName()).append('\n')
                        .append(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
