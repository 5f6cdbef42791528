package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Options;
import dev.sluice.api.RecordTooLargeException;
import dev.sluice.api.SizedSource;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * Built-in {@code lines}: every line of a file or of the files a glob matches (sorted by name),
 * {@code .gz} files gunzipped. Options: {@code path} (required), {@code encoding} (default UTF-8). A path that
 * names nothing readable is refused by {@code validate}; a corrupt or truncated {@code .gz} fails the run.
 * The position is the file's index and the byte offset after the last line ({@link FilePosition}). A line
 * longer than {@code queues.max-record-size} fails the run with its file and line number.
 */
public final class LinesSource implements Source<String>, SizedSource {
    private List<Path> files;
    private InputSizes sizes;
    private Charset charset;
    private int fileIndex;
    private LineReader reader;
    private long maxLineBytes;
    /** Lines returned from the current file since it was opened, and the offset it was opened at. */
    private long lines;
    private long openedAt;

    @Override
    public void validate(Options options) {
        InputFiles.resolve(options, "path");
        charset(options);
    }

    @Override
    public void open(StageContext context) {
        files = InputFiles.resolve(context.options(), "path");
        charset = charset(context.options());
        sizes = new InputSizes(files);
        maxLineBytes = context.maxRecordSize() - 16; // room for the record's length prefix
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
        fileIndex = FilePosition.fileIndex(position);
        if (fileIndex < files.size()) {
            reader = openAt(files.get(fileIndex), FilePosition.offset(position));
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
        return FilePosition.of(fileIndex, reader == null ? 0 : reader.offset());
    }

    private LineReader openAt(Path file, long offset) throws IOException {
        lines = 0;
        openedAt = offset;
        return new LineReader(InputFiles.open(file, offset), charset, offset, maxLineBytes);
    }

    /** The 1-based number of the line being read; after a resume, counted from the file's start (an error path). */
    private long lineNumber() {
        try {
            return InputFiles.lineAt(files.get(fileIndex), openedAt) + lines;
        } catch (IOException e) {
            return -1;
        }
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

    @Override
    public long size() {
        return sizes.total();
    }

    @Override
    public long done() {
        return sizes.done(position());
    }
}
