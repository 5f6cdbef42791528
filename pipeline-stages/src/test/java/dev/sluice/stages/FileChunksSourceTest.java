package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.ByteView;
import dev.sluice.api.ChunkReader;
import dev.sluice.api.Codecs;
import dev.sluice.api.FileChunk;
import dev.sluice.api.RecordList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChunksSourceTest {
    @TempDir
    Path dir;

    @Test
    void shouldCutFilesAtLineEndsIntoChunksThatHoldEveryByteOnce() throws Exception {
        String a = "short\na line longer than one chunk of sixteen bytes\n\nx\nlast line without newline";
        String b = "zipped one\r\nzipped two\r\n";
        String c = "c1\nc2\n";
        Files.writeString(dir.resolve("a.txt"), a);
        try (var out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.txt.gz")))) {
            out.write(b.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("c.txt"), c);
        Files.writeString(dir.resolve("d.txt"), "");

        List<FileChunk> chunks = readAll(source(), 0);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (ChunkReader reader = new ChunkReader()) {
            for (FileChunk chunk : chunks) {
                ByteView bytes = reader.read(chunk);
                byte[] copy = bytes.toByteArray();
                text.write(copy);
                boolean lastOfFile = chunk.offset() + chunk.length() == Files.size(Path.of(chunk.path()));
                assertTrue(lastOfFile || copy[copy.length - 1] == '\n', chunk + " ends mid-line");
            }
        }

        assertEquals(a + b + c, text.toString(StandardCharsets.UTF_8));
        assertEquals(1, chunks.stream().filter(FileChunk::gzipped).count());
        assertEquals(4, chunks.size(), chunks.toString()); // a: cut once, after its long line; b whole; c; d empty
    }

    @Test
    void shouldResumeAfterTheLastChunkItReported() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(dir.resolve("a.txt"), text);
        Files.writeString(dir.resolve("b.txt"), text);
        List<FileChunk> all = readAll(source(), 0);
        for (int stopAfter = 1; stopAfter < all.size(); stopAfter++) {
            assertEquals(all, readAll(source(), stopAfter), "resumed after " + stopAfter + " chunks");
        }
    }

    private FileChunksSource source() throws Exception {
        FileChunksSource source = new FileChunksSource();
        source.open(new TestContext(Map.of("path", dir.resolve("*.*").toString(), "chunk", "16")));
        return source;
    }

    /** Every chunk; with {@code stopAfter > 0}, a new source resumes from the position after that many. */
    private List<FileChunk> readAll(FileChunksSource source, int stopAfter) throws Exception {
        RecordList chunks = new RecordList();
        FileChunksSource current = source;
        for (int read = 0; ; read++) {
            if (stopAfter > 0 && read == stopAfter) {
                long position = current.position();
                current = source();
                current.seek(position);
            }
            if (!current.read(chunks, 1000)) {
                break;
            }
        }
        assertFalse(current.read(chunks, 1000));
        return new ArrayList<>(chunks.decode(Codecs.FILE_CHUNK));
    }
}
