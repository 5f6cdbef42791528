package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.RecordTooLargeException;

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
            List<String> seen = new ArrayList<>();
            first.read(seen::add, stopAfter);
            long position = first.position();
            first.close();

            LinesSource resumed = source();
            resumed.seek(position);
            seen.addAll(readAll(resumed, 2));
            assertEquals(all, seen, "resumed after " + stopAfter + " lines");
        }
    }

    @Test
    void shouldRefuseALineOverTheLimitNamingItsFileAndLineNumberAlsoAfterAResume() throws Exception {
        Path file = dir.resolve("in.txt");
        Files.writeString(file, "one\ntwo\nthree\n" + "y".repeat(5_000) + "\nfive\n");
        LinesSource source = new LinesSource();
        source.open(new TestContext(Map.of("path", file.toString()), 1024));
        List<String> seen = new ArrayList<>();

        RecordTooLargeException fresh = assertThrows(RecordTooLargeException.class, () -> source.read(seen::add, 10));

        assertEquals(List.of("one", "two", "three"), seen);
        assertTrue(fresh.getMessage().startsWith("line 4 of " + file + " is "), fresh.getMessage());
        assertTrue(fresh.getMessage().contains("more than queues.max-record-size (1024 bytes)"), fresh.getMessage());
        LinesSource resumed = new LinesSource();
        resumed.open(new TestContext(Map.of("path", file.toString()), 1024));
        resumed.seek("one\ntwo\n".length());
        RecordTooLargeException later = assertThrows(RecordTooLargeException.class, () -> resumed.read(seen::add, 10));
        assertTrue(later.getMessage().startsWith("line 4 of " + file), later.getMessage());
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
        List<String> lines = new ArrayList<>();
        while (source.read(lines::add, max)) {
            // keep reading
        }
        assertFalse(source.read(lines::add, max));
        source.close();
        return lines;
    }
}
