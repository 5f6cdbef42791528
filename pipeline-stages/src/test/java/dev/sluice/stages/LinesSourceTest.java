package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.BadInputException;
import dev.sluice.api.ConfigException;
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
    void shouldSayHowMuchOfItsFilesItHasRead() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a1\na2\n"); // 6 bytes
        Files.writeString(dir.resolve("b.txt"), "b1\nb2\n");
        LinesSource source = source("*.txt");
        List<String> lines = new ArrayList<>();

        assertEquals(12, source.size());
        assertEquals(0, source.done());
        source.read(lines::add, 3);
        assertEquals(9, source.done());
        readAll(source, 10);
        assertEquals(12, source.done());
        writeFiles();
        assertEquals(0, source("*.{txt,gz}").size(), "a .gz file's offsets are not its size: unknown");
    }

    @Test
    void shouldSayHowMuchOfItsRangeItHasRead() {
        RangeSource range = new RangeSource();
        range.open(new TestContext(Map.of("from", "10", "to", "19", "step", "3"))); // 10 13 16 19
        List<Long> numbers = new ArrayList<>();

        assertEquals(4, range.size());
        range.read(numbers::add, 3);
        assertEquals(3, range.done());
        range.read(numbers::add, 3);
        assertEquals(4, range.done());
    }

    @Test
    void shouldRefuseAtValidationWhatCanNeverBeRead() throws IOException {
        Files.createDirectories(dir.resolve("books"));

        assertEquals("path: no input file matches " + dir.resolve("*.none"), invalid(dir.resolve("*.none")));
        assertEquals("path: no input file matches " + dir.resolve("gone/*.txt") + ": directory " + dir.resolve("gone")
                + " does not exist", invalid(dir.resolve("gone/*.txt")));
        assertEquals("path: input file " + dir.resolve("missing.txt") + " does not exist", invalid(dir.resolve("missing.txt")));
        assertEquals("path: input path " + dir.resolve("books") + " is a directory; name a file, or its files with a glob"
                + " such as " + dir.resolve("books/*.txt"), invalid(dir.resolve("books")));
    }

    @Test
    void shouldNameTheFileAndByteOfCorruptGzipData() throws IOException {
        byte[] gz = gzip(3000);
        gz[gz.length / 2] ^= 0x55; // flip bits in the middle of the deflate stream
        Files.write(dir.resolve("corrupt.gz"), gz);

        BadInputException e = assertThrows(BadInputException.class, () -> readAll(source("corrupt.gz"), 100));

        assertTrue(e.getMessage().startsWith("corrupt gzip data in " + dir.resolve("corrupt.gz") + " at compressed byte "),
                e.getMessage());
    }

    @Test
    void shouldSayATruncatedGzipFileIsTruncated() throws IOException {
        byte[] gz = gzip(3000);
        Files.write(dir.resolve("short.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));

        BadInputException e = assertThrows(BadInputException.class, () -> readAll(source("short.gz"), 100));

        assertEquals(dir.resolve("short.gz") + " is truncated: its gzip data stops at byte " + gz.length / 2
                + " (the end of the file) in the middle of a compressed stream", e.getMessage());
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

    private String invalid(Path path) {
        return assertThrows(ConfigException.class,
                () -> new LinesSource().validate(new TestContext(Map.of("path", path.toString())))).getMessage();
    }

    private LinesSource source(String file) {
        LinesSource source = new LinesSource();
        source.open(new TestContext(Map.of("path", dir.resolve(file).toString())));
        return source;
    }

    private static byte[] gzip(int lines) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < lines; i++) {
                out.write(("line " + i + " of some text that compresses " + (i * 7919 % 1000) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private void writeFiles() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "a1\na2\n\n");
        try (var out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.txt.gz")))) {
            out.write("b1 ü\r\nb2\r\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("c.txt"), "c1\nc2"); // no final newline
        Files.writeString(dir.resolve("skip.log"), "not matched\n");
    }

    private LinesSource source() {
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
