package dev.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Codecs;
import dev.sluice.queue.DocumentReader;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import dev.sluice.queue.QueueFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ordered merge step by step over two real worker queues: documents arrive in any order across workers, the
 * merge hands them out in origin order, waits for a gap, survives a save and load mid-way, and ends when both end.
 */
class OrderedMergeTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final DocumentWriter[] workers = new DocumentWriter[2];
    private final OutputBatch<Long> batch = new OutputBatch<>(Codecs.LONG);

    @AfterEach
    void close() {
        CloseHelper.closeAll(open);
        batch.close();
    }

    @Test
    void shouldHandOutDocumentsInOriginOrderWaitingForGaps() throws Exception {
        for (int w = 0; w < 2; w++) {
            workers[w] = opened(new DocumentWriter(QueueFiles.open(dir.resolve("w" + w))));
        }
        List<DocumentReader> readers = readers();
        OrderedMerge merge = new OrderedMerge(readers);

        append(1, 3, 5); // worker 1 is first with origins [3, 5): it waits for [0, 3)
        assertNull(merge.next());
        append(0, 0, 3);
        assertOrigins(merge.next(), readers.get(0), 0, 3);
        assertOrigins(merge.next(), readers.get(1), 3, 5);
        assertNull(merge.next());
        append(1, 7, 8);
        assertNull(merge.next(), "[5, 7) is missing");
        append(0, 5, 7);
        assertOrigins(merge.next(), readers.get(0), 5, 7);

        ByteArrayOutputStream saved = new ByteArrayOutputStream(); // a snapshot here, then a restart
        merge.save(new DataOutputStream(saved));
        long[] positions = {readers.get(0).position(), readers.get(1).position()};
        List<DocumentReader> restarted = readers();
        for (int q = 0; q < 2; q++) {
            assertTrue(restarted.get(q).skipTo(positions[q]));
        }
        OrderedMerge resumed = new OrderedMerge(restarted);
        resumed.load(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));

        assertOrigins(resumed.next(), restarted.get(1), 7, 8);
        workers[0].appendEnd();
        assertNull(resumed.next());
        assertFalse(resumed.allEnded(), "worker 1 has not ended");
        workers[1].appendEnd();
        assertNull(resumed.next());
        assertTrue(resumed.allEnded());
    }

    private List<DocumentReader> readers() {
        List<DocumentReader> readers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            readers.add(opened(new DocumentReader(QueueFiles.open(dir.resolve("w" + w)))));
        }
        return readers;
    }

    private void append(int worker, long originFrom, long originEnd) {
        batch.begin(0, originFrom, originFrom, 0);
        for (long origin = originFrom; origin < originEnd; origin++) {
            batch.emit(origin);
        }
        batch.header.inputCount = (int) (originEnd - originFrom);
        batch.header.originCount = (int) (originEnd - originFrom);
        workers[worker].append(batch);
    }

    private static void assertOrigins(DocumentReader next, DocumentReader expected, long from, long end)
            throws Exception {
        assertSame(expected, next);
        assertEquals(from, next.header.originFrom);
        assertEquals(end, next.header.originEnd());
        List<Long> records = new ArrayList<>();
        next.records(Codecs.LONG, records::add);
        next.done();
        assertEquals(end - from, records.size());
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }
}
