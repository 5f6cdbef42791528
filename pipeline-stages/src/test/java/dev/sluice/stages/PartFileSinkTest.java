package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sinks driven as the aggregate runtime drives them (documents, a checkpoint when a part is full
 * and every few documents, commits after each), "crashed" at many points (dropped without finishing,
 * their open part left behind) and restored from their last snapshot: the part files are the clean
 * run's, byte for byte, and read back by the sources they are exactly the rows written.
 */
class PartFileSinkTest {
    private static final int DOC = 10;

    @TempDir
    Path dir;

    @Test
    void csvPartsShouldBeTheSameAfterCrashesAndReadBackAsTheRowsWritten() throws Exception {
        CsvCorpus corpus = CsvCorpus.write(dir.resolve("in"), 1, 1_000, false, 9);
        Map<String, String> clean = write(CsvOutSink::new, "clean", corpus.rows, -1);
        for (int crashAt : new int[] {5, 133, 450, 777}) {
            assertEquals(clean, write(CsvOutSink::new, "crash-" + crashAt, corpus.rows, crashAt), "crash at " + crashAt);
        }
        assertEquals(12, clean.size(), "10 parts of 97 rows, one of 30, and _SUCCESS");

        CsvSource source = new CsvSource();
        source.open(new TestContext(Map.of("path", dir.resolve("clean/part-*.csv").toString(),
                "columns", "id:long, name, city, amount:double"), dir));
        CsvSourceTest.Read read = new CsvSourceTest.Read();
        read.from(source, 100, Integer.MAX_VALUE);
        CsvSourceTest.assertSameRows(corpus.rows, read.rows);
    }

    @Test
    void jsonLinesPartsShouldBeTheSameAfterCrashesAndReadBackAsTheRowsWritten() throws Exception {
        CsvCorpus corpus = CsvCorpus.write(dir.resolve("in"), 1, 600, false, 10);
        Map<String, String> clean = write(JsonlOutSink::new, "clean", corpus.rows, -1);
        assertEquals(clean, write(JsonlOutSink::new, "crash", corpus.rows, 301));

        JsonlSource source = new JsonlSource();
        source.open(new TestContext(Map.of("path", dir.resolve("clean/part-*.jsonl").toString(),
                "fields", "id:long, name, city, amount:double"), dir));
        List<Object> rows = new java.util.ArrayList<>();
        while (source.read(rows::add, 64)) {
            // all of it
        }
        CsvSourceTest.assertSameRows(corpus.rows, rows);
    }

    @Test
    void aStartingSinkShouldRemoveAnEarlierRunsParts() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("part-00042.csv"), "old");
        Files.writeString(out.resolve(".part-00007.csv.inprogress"), "old");
        Files.writeString(out.resolve("keep.txt"), "not ours");
        CsvCorpus corpus = CsvCorpus.write(dir.resolve("in"), 1, 20, false, 11);
        write(CsvOutSink::new, "out", corpus.rows, -1);
        assertFalse(Files.exists(out.resolve("part-00042.csv")));
        assertFalse(Files.exists(out.resolve(".part-00007.csv.inprogress")));
        assertTrue(Files.exists(out.resolve("keep.txt")) && Files.exists(out.resolve("part-00000.csv")));
    }

    /**
     * Writes the rows into {@code name}, as the runtime would; with {@code crashAt} >= 0 the sink is dropped
     * after that many rows and a new one restored from the last snapshot carries on.
     *
     * @return every file of the output directory and its text
     */
    private Map<String, String> write(Supplier<PartFileSink<Row>> make, String name, List<Row> rows, int crashAt)
            throws Exception {
        Map<String, String> options = Map.of("path", dir.resolve(name).toString(), "part-records", "97");
        PartFileSink<Row> sink = open(make, options);
        byte[] snapshot = null;
        int snapshotAt = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (i == crashAt) {
                sink.close(); // kill -9: no finish, no commit; the open part stays in progress
                sink = open(make, options);
                if (snapshot != null) {
                    sink.restore(new ByteArrayInputStream(snapshot));
                }
                i = snapshotAt;
                crashAt = -1;
            }
            sink.accept(rows.get(i));
            if ((i + 1) % DOC == 0 && (sink.checkpointWanted() || (i + 1) % (5 * DOC) == 0)) {
                ByteArrayOutputStream state = new ByteArrayOutputStream();
                sink.snapshot(state);
                snapshot = state.toByteArray();
                snapshotAt = i + 1;
                sink.checkpointSaved();
            }
        }
        sink.finish();
        sink.snapshot(new ByteArrayOutputStream());
        sink.checkpointSaved();
        sink.close();
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir.resolve(name))) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }

    private PartFileSink<Row> open(Supplier<PartFileSink<Row>> make, Map<String, String> options) {
        PartFileSink<Row> sink = make.get();
        sink.open(new TestContext(options, dir));
        return sink;
    }
}
