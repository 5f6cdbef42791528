package dev.sluice.stages;

import dev.sluice.api.BatchSource;
import dev.sluice.api.Codecs;
import dev.sluice.api.RecordWriter;
import dev.sluice.api.StageContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Built-in {@code lines}: every line of a file or of the files a glob matches (sorted by name),
 * {@code .gz} files gunzipped, as {@link Codecs#STRING} records. Options: {@code path} (required),
 * {@code encoding} (default UTF-8). UTF-8 lines are copied from the file into the queue as bytes,
 * never decoded; other encodings are decoded and written as UTF-8. The position packs the file's index
 * and the byte offset after the last line: {@code fileIndex << 40 | offset}.
 */
public final class LinesSource implements BatchSource {
    private static final int OFFSET_BITS = 40;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

    private List<Path> files;
    private Charset charset;
    private int fileIndex;
    private LineReader reader;

    @Override
    public void open(StageContext context) throws IOException {
        files = InputFiles.resolve(context.options().getPath("path"));
        charset = Charset.forName(context.options().getString("encoding", "UTF-8"));
        context.logger().info("reading {} file(s), first {}", files.size(), files.get(0));
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
    public boolean read(RecordWriter out, int max) throws IOException {
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        for (int emitted = 0; emitted < max; ) {
            if (reader == null) {
                if (fileIndex >= files.size()) {
                    return false;
                }
                reader = openAt(files.get(fileIndex), 0);
            }
            if (!reader.next()) {
                closeReader();
                fileIndex++;
                continue;
            }
            if (utf8) {
                out.emitBytes(reader.buffer(), reader.lineStart(), reader.lineLength());
            } else {
                out.emit(new String(reader.buffer(), reader.lineStart(), reader.lineLength(), charset), Codecs.STRING);
            }
            emitted++;
        }
        return true;
    }

    @Override
    public long position() {
        return ((long) fileIndex << OFFSET_BITS) | (reader == null ? 0 : reader.offset());
    }

    private LineReader openAt(Path file, long offset) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 64 * 1024);
        }
        in.skipNBytes(offset);
        return new LineReader(in, offset);
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
