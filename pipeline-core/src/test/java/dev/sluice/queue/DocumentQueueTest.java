package dev.sluice.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Codecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentQueueTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackBatchesWithTheirHeadersThenEnd() throws Exception {
        try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(dir));
             OutputBatch<String> batch = new OutputBatch<>(Codecs.STRING);
             DocumentReader reader = new DocumentReader(QueueFiles.open(dir))) {
            batch.begin(0, 10, 100, 5);
            batch.emit("alpha");
            batch.emit("");
            batch.emit("γάμμα");
            batch.header.inputCount = 2;
            batch.header.originCount = 2;
            writer.append(batch);
            batch.begin(0, 12, 102, 6);
            batch.header.inputCount = 1;
            batch.header.originCount = 1;
            writer.append(batch);
            writer.appendEnd();

            assertTrue(reader.next());
            assertEquals(0, reader.header.docSeq);
            assertEquals(10, reader.header.inputFrom);
            assertEquals(100, reader.header.originFrom);
            assertEquals(102, reader.header.originEnd());
            List<String> records = new ArrayList<>();
            reader.records(Codecs.STRING, records::add);
            reader.done();
            assertEquals(List.of("alpha", "", "γάμμα"), records);

            assertTrue(reader.next());
            assertEquals(1, reader.header.docSeq);
            assertEquals(0, reader.header.recordCount);
            reader.done();

            assertTrue(reader.next());
            assertEquals(DocumentKind.END, reader.header.kind);
            assertEquals(2, reader.header.docSeq);
            reader.done();
            assertFalse(reader.next());
        }
    }

    @Test
    void shouldReturnAPutBackDocumentAgain() throws Exception {
        try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(dir));
             OutputBatch<Long> batch = new OutputBatch<>(Codecs.LONG);
             DocumentReader reader = new DocumentReader(QueueFiles.open(dir))) {
            batch.begin(0, 0, 0, 0);
            batch.emit(42L);
            writer.append(batch);

            assertTrue(reader.next());
            reader.putBack();
            assertTrue(reader.next());
            List<Long> records = new ArrayList<>();
            reader.records(Codecs.LONG, records::add);
            reader.done();
            assertEquals(List.of(42L), records);
            assertFalse(reader.next());
        }
    }
}
