package dev.sluice.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Codecs;
import dev.sluice.api.KeyCount;
import dev.sluice.api.RecordList;
import dev.sluice.config.QueueRollCycle;
import dev.sluice.config.QueueSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
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
    void shouldSkipStraightToADocumentFarAheadAcrossCycles() throws Exception {
        QueueSettings secondly = new QueueSettings(QueueRollCycle.SECONDLY, true, QueueSettings.DEFAULT_MAX_RECORD_BYTES);
        long firstOfSecondCycle = -1;
        try (SingleChronicleQueue queue = QueueFiles.open(dir, secondly);
             DocumentWriter writer = new DocumentWriter(queue);
             OutputBatch<Long> batch = new OutputBatch<>(Codecs.LONG)) {
            int firstCycle = queue.cycle();
            while (firstOfSecondCycle < 1000) { // a second cycle, with 1000 documents in the first at least
                long docSeq = writer.nextDocSeq();
                batch.begin(0, docSeq, docSeq, 0);
                batch.emit(docSeq);
                writer.append(batch);
                if (firstOfSecondCycle < 0 && queue.rollCycle().toCycle(queue.lastIndex()) != firstCycle) {
                    firstOfSecondCycle = docSeq;
                    if (docSeq < 1000) {
                        firstCycle = queue.rollCycle().toCycle(queue.lastIndex());
                        firstOfSecondCycle = -1;
                    }
                }
            }
            for (int i = 0; i < 600; i++) {
                batch.begin(0, writer.nextDocSeq(), writer.nextDocSeq(), 0);
                writer.append(batch);
            }
            writer.appendEnd();
        }
        long end = firstOfSecondCycle + 600; // nothing at all in cycles after it: still found
        for (long target : new long[] {300, firstOfSecondCycle - 1, firstOfSecondCycle, firstOfSecondCycle + 400, end}) {
            try (DocumentReader reader = new DocumentReader(QueueFiles.open(dir, secondly))) {
                reader.skipBefore(target);
                assertTrue(reader.next());
                assertEquals(target, reader.header.docSeq, "the document after skipping to " + target);
                reader.done();
                if (target + 300 <= end) {
                    reader.skipBefore(target + 300); // and on from a document consumed
                    assertTrue(reader.next());
                    assertEquals(target + 300, reader.header.docSeq);
                }
            }
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

    @Test
    void shouldReadTheSameRecordsInPlaceAsThroughTheirCodec() throws Exception {
        try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(dir));
             OutputBatch<String> batch = new OutputBatch<>(Codecs.STRING);
             DocumentReader reader = new DocumentReader(QueueFiles.open(dir))) {
            batch.begin(0, 0, 0, 0);
            for (String text : List.of("alpha", "", "γάμμα 😀")) {
                batch.emit(text);
            }
            batch.emitBytes("raw".getBytes(StandardCharsets.UTF_8), 0, 3);
            writer.append(batch);

            assertTrue(reader.next());
            List<String> decoded = new ArrayList<>();
            reader.records(Codecs.STRING, decoded::add);
            reader.putBack();
            assertTrue(reader.next());
            DocumentRecords records = reader.batch();
            List<String> inPlace = new ArrayList<>();
            while (records.next()) {
                inPlace.add(records.record().utf8());
            }
            reader.done();

            assertEquals(List.of("alpha", "", "γάμμα 😀", "raw"), decoded);
            assertEquals(decoded, inPlace);
            assertEquals(4, records.size());
        }
    }

    @Test
    void shouldGiveEachPartitionItsSectionAndAnUnpartitionedReaderEveryRecord() throws Exception {
        int partitions = 3;
        try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(dir), partitions);
             OutputBatch<KeyCount> batch = new OutputBatch<>(Codecs.KEY_COUNT, QueueSettings.DEFAULT, writer.partitions())) {
            batch.begin(0, 0, 0, 0);
            for (int i = 0; i < 300; i++) {
                batch.emit(new KeyCount("k" + i % 100, i));
            }
            writer.append(batch);
        }
        Map<String, Integer> partitionOf = new HashMap<>();
        List<KeyCount> seen = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            try (DocumentReader reader = new DocumentReader(QueueFiles.open(dir), p)) {
                assertTrue(reader.next());
                assertEquals(DocumentKind.SECTIONS, reader.header.kind);
                List<KeyCount> section = new ArrayList<>();
                reader.records(Codecs.KEY_COUNT, section::add);
                assertEquals(section.size(), reader.recordCount());
                assertEquals(section, RecordList.ofBytes(bytesOf(reader.batch())).decode(Codecs.KEY_COUNT));
                for (KeyCount record : section) {
                    assertEquals(p, partitionOf.computeIfAbsent(record.key(), k -> partition), record.key());
                }
                assertTrue(section.size() > 50, "section " + p + " has " + section.size() + " records");
                seen.addAll(section);
            }
        }
        try (DocumentReader all = new DocumentReader(QueueFiles.open(dir))) {
            assertTrue(all.next());
            List<KeyCount> every = new ArrayList<>();
            all.records(Codecs.KEY_COUNT, every::add);
            assertEquals(300, every.size());
            assertEquals(new HashSet<>(every), new HashSet<>(seen));
            assertEquals(300, seen.size());
        }
    }

    private static List<byte[]> bytesOf(DocumentRecords records) {
        List<byte[]> bytes = new ArrayList<>();
        while (records.next()) {
            bytes.add(records.record().toByteArray());
        }
        return bytes;
    }
}
