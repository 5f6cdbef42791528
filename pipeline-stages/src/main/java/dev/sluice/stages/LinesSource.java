package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.RecordTooLargeException;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Built-in {@code lines}: every line of a file or of the files a glob matches (sorted by name),
 * {@code .gz} files gunzipped. Options: {@code path} (required), {@code encoding} (default UTF-8).
 * The position packs the file's index and the byte offset after the last line:
 * {@code fileIndex << 40 | offset}. A line longer than {@code queues.max-record-size} fails the run with
 * its file and line number.
 */
public final class LinesSource implements Source<String> {
    private static final int OFFSET_BITS = 40;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

    private List<Path> files;
    private Charset charset;
    private int fileIndex;
    private LineReader reader;
    private long maxLineBytes;
    /** Lines returned from the current file since it was opened, and the offset it was opened at. */
    private long lines;
    private long openedAt;

    @Override
    public void open(StageContext context) throws IOException {
        files = InputFiles.resolve(context.options().getPath("path"));
        charset = Charset.forName(context.options().getString("encoding", "UTF-8"));
        maxLineBytes = context.maxRecordSize() - 16; // room for the record's length prefix
        context.logger().info("reading {} file(s), first {}", files.size(), files.get(0));
    }

    @Override
    public Codec<String> outputCodec() {
        return Codecs.STRING;
    }

    @Override
    public void seek(long position) throws IOException {
        closeReader();
        fileIndex = (int) (position >>> OFFSET_BITS);
        if (fileIndex < files.size()) {
            reader = openAt(files.get(fileIndex), position & OFFSET_MASK);
        }
    }

    @Override
    public boolean read(Emitter<String> out, int max) throws IOException {
        for (int emitted = 0; emitted < max; ) {
            if (reader == null) {
                if (fileIndex >= files.size()) {
                    return false;
                }
                reader = openAt(files.get(fileIndex), 0);
            }
            String line;
            try {
                line = reader.next();
            } catch (LineReader.LineTooLongException e) {
                throw RecordTooLargeException.of("line " + lineNumber() + " of " + files.get(fileIndex),
                        e.bytes, maxLineBytes + 16);
            }
            if (line == null) {
                closeReader();
                fileIndex++;
                continue;
            }
            out.emit(line);
            lines++;
            emitted++;
        }
        return true;
    }

    @Override
    public long position() {
        return ((long) fileIndex << OFFSET_BITS) | (reader == null ? 0 : reader.offset());
    }

    private LineReader openAt(Path file, long offset) throws IOException {
        InputStream in = open(file);
        in.skipNBytes(offset);
        lines = 0;
        openedAt = offset;
        return new LineReader(in, charset, offset, maxLineBytes);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    /** The 1-based number of the line being read; after a resume, counted from the file's start (an error path). */
    private long lineNumber() {
        long before = 0;
        if (openedAt > 0) {
            try (InputStream in = open(files.get(fileIndex))) {
                byte[] buffer = new byte[64 * 1024];
                for (long left = openedAt; left > 0; ) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        before += buffer[i] == '\n' ? 1 : 0;
                    }
                    left -= n;
                }
            } catch (IOException e) {
                return -1;
            }
        }
        return before + lines + 1;
    }

    private void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeReader();
    }
}
