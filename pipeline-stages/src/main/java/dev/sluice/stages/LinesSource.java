package dev.sluice.stages;

import dev.sluice.api.BadInputException;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Options;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Built-in {@code lines}: every line of a file or of the files a glob matches (sorted by name),
 * {@code .gz} files gunzipped. Options: {@code path} (required), {@code encoding} (default UTF-8). A path that
 * names nothing readable is refused by {@code validate}; a corrupt or truncated {@code .gz} fails the run.
 * The position packs the file's index and the byte offset after the last line:
 * {@code fileIndex << 40 | offset}.
 */
public final class LinesSource implements Source<String> {
    private static final int OFFSET_BITS = 40;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

    private List<Path> files;
    private Charset charset;
    private int fileIndex;
    private LineReader reader;

    @Override
    public void validate(Options options) {
        InputFiles.resolve(options, "path");
        charset(options);
    }

    @Override
    public void open(StageContext context) {
        files = InputFiles.resolve(context.options(), "path");
        charset = charset(context.options());
        context.logger().info("reading {} file(s), first {}", files.size(), files.get(0));
    }

    private static Charset charset(Options options) {
        String name = options.getString("encoding", "UTF-8");
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw options.error("encoding", "unknown character set '" + name + "'");
        }
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
            String line = reader.next();
            if (line == null) {
                closeReader();
                fileIndex++;
                continue;
            }
            out.emit(line);
            emitted++;
        }
        return true;
    }

    @Override
    public long position() {
        return ((long) fileIndex << OFFSET_BITS) | (reader == null ? 0 : reader.offset());
    }

    private LineReader openAt(Path file, long offset) throws IOException {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        } catch (NoSuchFileException e) {
            throw new BadInputException("input file " + file + " disappeared during the run");
        }
        if (file.getFileName().toString().endsWith(".gz")) {
            in = GzipInput.open(file, in, 64 * 1024);
        }
        in.skipNBytes(offset);
        return new LineReader(in, charset, offset);
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
