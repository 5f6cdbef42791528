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
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KilledWriterTest {
    private static final long DEADLINE_MS = 180_000;

    @TempDir
    Path dir;

    @Test
    void shouldLeaveNoTornDocumentWhenTheWriterIsKilledMidAppend() throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS; // three JVM starts: seconds each at load 40
        for (int round = 0; round < 3; round++) {
            Process writer = appendForever();
            try (DocumentReader reader = new DocumentReader(QueueFiles.open(dir))) {
                while (reader.position() < (round + 1) * 2_000L) { // until it is well into appending
                    assertTrue(System.currentTimeMillis() < deadline,
                            "round " + round + ": the writer had appended only " + reader.position() + " documents");
                    if (!readOne(reader)) {
                        Thread.sleep(1); // polling interval of a deadline wait: leave the cores to the writer
                    }
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
