package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.api.Codecs;
import dev.sluice.api.RecordList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinesSourceTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadEveryLineOfGlobbedFilesInNameOrderIncludingGzip() throws Exception {
        writeFiles();

        assertEquals(List.of("a1", "a2", "", "b1 ü", "b2", "c1", "c2"), readAll(source(), 3));
    }

    @Test
    void shouldResumeExactlyAfterTheLastLineItReported() throws Exception {
        writeFiles();
        List<String> all = readAll(source(), 100);
        for (int stopAfter = 1; stopAfter < all.size(); stopAfter++) {
            LinesSource first = source();
            RecordList read = new RecordList();
            first.read(read, stopAfter);
            List<String> seen = new ArrayList<>(read.decode(Codecs.STRING));
            long position = first.position();
            first.close();

            LinesSource resumed = source();
            resumed.seek(position);
            seen.addAll(readAll(resumed, 2));
            assertEquals(all, seen, "resumed after " + stopAfter + " lines");
        }
    }

    @Test
    void shouldSplitLinesOfEveryLengthAsStringSplitDoes() throws Exception {
        java.util.Random random = new java.util.Random(1);
        List<String> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            String line = "x".repeat(random.nextInt(i % 1000 == 0 ? 3_000_000 : 40) + (i == 500 ? 1_500_000 : 0)) + (i % 7 == 0 ? "é" : "");
            expected.add(line);
            text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Files.writeString(dir.resolve("many.txt"), text);
        LinesSource source = new LinesSource();
        source.open(new TestContext(Map.of("path", dir.resolve("many.txt").toString())));

        assertEquals(expected, readAll(source, 1000));
    }

    @Test
    void shouldSayWhenNothingMatches() {
        LinesSource source = new LinesSource();
        IOException e = assertThrows(IOException.class,
                () -> source.open(new TestContext(Map.of("path", dir.resolve("*.none").toString()))));
        assertEquals("no input file matches " + dir.resolve("*.none"), e.getMessage());
    }

    private void writeFiles() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "a1\na2\n\n");
        try (var out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.txt.gz")))) {
            out.write("b1 ü\r\nb2\r\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("c.txt"), "c1\nc2"); // no final newline
        Files.writeString(dir.resolve("skip.log"), "not matched\n");
    }

    private LinesSource source() throws IOException {
        LinesSource source = new LinesSource();
        source.open(new TestContext(Map.of("path", dir.resolve("*.{txt,gz}").toString())));
        return source;
    }

    private static List<String> readAll(LinesSource source, int max) throws IOException {
        RecordList lines = new RecordList();
        while (source.read(lines, max)) {
            // keep reading
        }
        assertFalse(source.read(lines, max));
        source.close();
        return lines.decode(Codecs.STRING);
    }
}
