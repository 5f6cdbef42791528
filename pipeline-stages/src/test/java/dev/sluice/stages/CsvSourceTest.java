package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ConfigException;
import dev.sluice.api.MalformedRecordException;
import dev.sluice.api.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadExactlyTheGeneratedRowsAndNameEachMalformedRecordByFileAndLine() throws Exception {
        CsvCorpus corpus = CsvCorpus.write(dir.resolve("in"), 3, 700, true, 1);
        Read read = readAll(source(Map.of("chunk-size", "4KB")), 97);

        assertSameRows(corpus.rows, read.rows);
        assertEquals(corpus.malformed, read.malformed);
    }

    /** Names the first row that differs rather than printing thousands. */
    static void assertSameRows(List<?> expected, List<?> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i);
        }
        assertEquals(expected.size(), actual.size(), "rows");
    }

    @Test
    void shouldResumeOnARecordBoundaryFromAnyPosition() throws Exception {
        CsvCorpus corpus = CsvCorpus.write(dir.resolve("in"), 2, 300, true, 2);
        for (int stopAfter = 1; stopAfter < corpus.rows.size(); stopAfter += 41) {
            CsvSource first = source(Map.of("chunk-size", "4KB"));
            Read read = new Read();
            read.from(first, stopAfter, stopAfter);
            long position = first.position();
            first.close();

            CsvSource resumed = source(Map.of("chunk-size", "4KB"));
            resumed.seek(position);
            read.from(resumed, 53, Integer.MAX_VALUE);
            assertSameRows(corpus.rows, read.rows);
            assertEquals(corpus.malformed, read.malformed, "resumed after " + stopAfter + " rows");
        }
    }

    @Test
    void shouldParseTheSameRowsInWorkersFromChunks() throws Exception {
        CsvCorpus corpus = CsvCorpus.write(dir.resolve("in"), 3, 500, true, 3);
        CsvSource source = source(Map.of("chunk-size", "8KB", "parse", "workers"));
        CsvParseProcessor parse = new CsvParseProcessor();
        parse.open(new TestContext(Map.of(), dir));
        List<Row> rows = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        List<Object> chunks = new ArrayList<>();
        while (source.read(chunks::add, 10)) {
            // one chunk per read
        }
        for (Object chunk : chunks) {
            try {
                parse.process((TextChunk) chunk, rows::add);
            } catch (MalformedRecordException e) {
                malformed.add(e.where());
            }
        }
        assertSameRows(corpus.rows, rows);
        assertTrue(corpus.malformed.containsAll(malformed) && !malformed.isEmpty(), malformed.toString());
    }

    @Test
    void shouldReadPositionalColumnsWithoutAHeader() throws Exception {
        Path file = dir.resolve("plain.csv");
        Files.writeString(file, "1;\"a;b\";2.5\n2;;\n\n3;\"\";-1e3\n");
        CsvSource source = source(Map.of("path", file.toString(), "header", "false", "delimiter", ";",
                "columns", "n:long, text, x:double"));
        List<Object> rows = new ArrayList<>();
        source.read(rows::add, 10);
        assertEquals("[{n=1, text=a;b, x=2.5}, {n=2, text=null, x=null}, {n=3, text=, x=-1000.0}]", rows.toString());
    }

    @Test
    void shouldRefuseAColumnTheHeaderDoesNotHave() throws Exception {
        CsvCorpus.write(dir.resolve("in"), 1, 10, false, 4);
        CsvSource source = source(Map.of("columns", "id:long, nope"));
        ConfigException e = assertThrows(ConfigException.class, () -> source.read(r -> { }, 10));
        assertTrue(e.getMessage().endsWith("part-00.csv: no column 'nope' in its header [id, name, city, amount]"),
                e.getMessage());
    }

    private CsvSource source(Map<String, String> extra) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("path", dir.resolve("in/part-*").toString(),
                "columns", "id:long, name, city, amount:double"));
        options.putAll(extra);
        CsvSource source = new CsvSource();
        source.open(new TestContext(options, dir));
        return source;
    }

    private static Read readAll(CsvSource source, int max) throws Exception {
        Read read = new Read();
        read.from(source, max, Integer.MAX_VALUE);
        return read;
    }

    /** What a source agent does: reads, and takes a malformed record as the policy skip would. */
    static final class Read {
        final List<Row> rows = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        void from(CsvSource source, int max, int limit) throws Exception {
            int start = rows.size();
            while (rows.size() - start < limit) {
                try {
                    if (!source.read(r -> rows.add((Row) r), Math.min(max, limit - (rows.size() - start)))) {
                        return;
                    }
                } catch (MalformedRecordException e) {
                    malformed.add(e.where());
                }
            }
        }
    }
}
