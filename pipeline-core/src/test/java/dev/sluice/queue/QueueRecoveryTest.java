package dev.sluice.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Codecs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a dead writer leaves in a queue must neither stall its readers nor reach them torn. */
class QueueRecoveryTest {
    private static final long DEADLINE_MS = 30_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void shouldHandReadersTheDocumentsOfACycleWhoseWriterDiedCreatingIt() throws Exception {
        QueueFiles.open(dir).close();
        unfinishedCycleFile(); // as a writer killed between starting the cycle file's header and finishing it
        try (DocumentReader reader = new DocumentReader(QueueFiles.open(dir))) {
            assertFalse(reader.next());
            try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(dir));
                 OutputBatch<String> batch = new OutputBatch<>(Codecs.STRING)) {
                batch.begin(0, 0, 0, 0);
                batch.emit("after");
                writer.append(batch);
            }

            assertEquals(List.of("after"), awaitRecords(reader));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".discard")).toList(),
                    "the cycle was renamed aside after a timeout");
        }
    }

    @Test
    @Timeout(120)
    void shouldNeverHandOutATornDocumentAndSkipItOnceItsWriterWroteItAgain() throws Exception {
        try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(dir));
             OutputBatch<String> batch = new OutputBatch<>(Codecs.STRING)) {
            for (String record : List.of("first", "second")) {
                batch.begin(0, 0, 0, 0);
                batch.emit(record + " " + "x".repeat(10_000));
                writer.append(batch);
            }
        }
        tearLastDocument(); // as pages lost under a document Chronicle had published

        try (DocumentReader reader = new DocumentReader(QueueFiles.open(dir))) {
            assertTrue(awaitRecords(reader).get(0).startsWith("first"));
            assertFalse(reader.next(), "a torn document was handed out");
            assertFalse(reader.next());
            try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(dir));
                 OutputBatch<String> batch = new OutputBatch<>(Codecs.STRING)) {
                assertEquals(1, writer.nextDocSeq(), "the writer continues after the last whole document");
                batch.begin(0, 0, 0, 0);
                batch.emit("second again");
                writer.append(batch);
            }

            assertEquals(List.of("second again"), awaitRecords(reader));
            assertEquals(1, reader.header.docSeq);
        }
    }

    private static List<String> awaitRecords(DocumentReader reader) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!reader.next()) {
            assertTrue(System.currentTimeMillis() < deadline, "no document within " + DEADLINE_MS + " ms");
            Thread.sleep(5); // the polling interval of a deadline wait
        }
        List<String> records = new ArrayList<>();
        reader.records(Codecs.STRING, records::add);
        reader.done();
        return records;
    }

    private void unfinishedCycleFile() throws Exception {
        RollCycles cycle = RollCycles.FAST_HOURLY;
        String name = DateTimeFormatter.ofPattern(cycle.format()).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(System.currentTimeMillis() / cycle.lengthInMillis() * cycle.lengthInMillis()));
        try (FileChannel file = FileChannel.open(dir.resolve(name + SingleChronicleQueue.SUFFIX),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder()).putInt(0x8000_0000);
            file.write(header.rewind());
        }
    }

    private void tearLastDocument() throws Exception {
        long end;
        Path cycleFile;
        try (SingleChronicleQueue queue = QueueFiles.open(dir); ExcerptTailer tailer = queue.createTailer()) {
            tailer.toEnd();
            tailer.moveToIndex(tailer.index() - 1);
            try (DocumentContext dc = tailer.readingDocument()) {
                end = dc.wire().bytes().readLimit();
            }
            cycleFile = tailer.currentFile().toPath();
        }
        try (FileChannel file = FileChannel.open(cycleFile, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(4096), end - 4096); // its last page reads as zeros
        }
    }
}
