package dev.sluice.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Codecs;
import dev.sluice.supervisor.JavaCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed -9 mid-append must leave a queue its readers read whole, and a new writer continue. */
@Tag("process")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KilledWriterTest {
    @TempDir
    Path dir;

    @Test
    void shouldLeaveNoTornDocumentWhenTheWriterIsKilledMidAppend() throws Exception {
        for (int round = 0; round < 3; round++) {
            Process writer = appendForever();
            try (DocumentReader reader = new DocumentReader(QueueFiles.open(dir))) {
                long deadline = System.currentTimeMillis() + 30_000;
                while (reader.position() < (round + 1) * 2_000L && System.currentTimeMillis() < deadline) {
                    readOne(reader); // wait until it is well into appending, by reading what it wrote
                }
            }
            writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        try (DocumentReader reader = new DocumentReader(QueueFiles.open(dir))) {
            long expected = 0;
            while (readOne(reader)) {
                assertEquals(expected++, reader.header.docSeq, "documents are numbered densely across writers");
            }
            assertTrue(expected >= 6_000, "only " + expected + " documents");
        }
    }

    private static boolean readOne(DocumentReader reader) throws Exception {
        if (!reader.next()) {
            return false;
        }
        List<String> records = new ArrayList<>();
        reader.records(Codecs.STRING, records::add);
        long doc = reader.header.docSeq;
        reader.done();
        assertEquals(doc % 100 + 1, records.size(), "document " + doc + " is whole");
        assertEquals("record " + doc + "/" + doc % 100 + " " + "x".repeat((int) (doc % 300)), records.get(records.size() - 1));
        return true;
    }

    private Process appendForever() throws Exception {
        return new ProcessBuilder(JavaCommand.sameClassPath(AppendForever.class.getName(), dir.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile())
                .start();
    }
}
