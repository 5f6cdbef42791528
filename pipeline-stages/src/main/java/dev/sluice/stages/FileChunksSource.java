package dev.sluice.stages;

import dev.sluice.api.BatchSource;
import dev.sluice.api.ChunkReader;
import dev.sluice.api.Codecs;
import dev.sluice.api.FileChunk;
import dev.sluice.api.Options;
import dev.sluice.api.RecordWriter;
import dev.sluice.api.StageContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Built-in {@code file-chunks}: a file, or the files a glob matches (sorted by name), cut into chunks of
 * about {@code chunk} bytes (default 4MB) that end at line ends, one {@link Codecs#FILE_CHUNK} record per
 * document. The source reads only a few bytes around each cut; workers read their chunks themselves
 * ({@link ChunkReader}), so reading is spread over the workers. A gzipped file is one chunk. A path that
 * names nothing readable is refused by {@code validate}. The position is the file's index and the offset of
 * the next chunk ({@link FilePosition}).
 */
public final class FileChunksSource implements BatchSource {
    private final ByteBuffer probe = ByteBuffer.allocate(64 * 1024);
    private List<Path> files;
    private long chunk;
    private int fileIndex;
    private long offset;

    @Override
    public void validate(Options options) {
        InputFiles.resolve(options, "path");
        chunkSize(options);
    }

    @Override
    public void open(StageContext context) {
        files = InputFiles.resolve(context.options(), "path").stream().map(Path::toAbsolutePath).toList();
        chunk = chunkSize(context.options());
        context.logger().info("cutting {} file(s) into chunks of about {} bytes, first {}", files.size(), chunk,
                files.get(0));
    }

    private static long chunkSize(Options options) {
        long chunk = options.getSize("chunk", 4L << 20);
        if (chunk < 1) {
            throw options.error("chunk", "must be at least one byte");
        }
        return chunk;
    }

    @Override
    public void seek(long position) {
        fileIndex = FilePosition.fileIndex(position);
        offset = FilePosition.offset(position);
    }

    @Override
    public boolean read(RecordWriter out, int max) throws IOException {
        while (fileIndex < files.size()) {
            Path file = files.get(fileIndex);
            long size = Files.size(file);
            if (offset >= size) {
                fileIndex++;
                offset = 0;
                continue;
            }
            long end = file.getFileName().toString().endsWith(".gz") ? size : cutAfter(file, offset + chunk - 1, size);
            out.emit(new FileChunk(file.toString(), offset, end - offset), Codecs.FILE_CHUNK);
            offset = end;
            return true;
        }
        return false;
    }

    /** The offset just after the first line end at or after {@code from}; the file's size if there is none. */
    private long cutAfter(Path file, long from, long size) throws IOException {
        if (from >= size - 1) {
            return size;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long at = from; at < size; ) {
                probe.clear();
                int n = channel.read(probe, at);
                if (n <= 0) {
                    break;
                }
                byte[] bytes = probe.array();
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == '\n') {
                        return at + i + 1;
                    }
                }
                at += n;
            }
        }
        return size;
    }

    @Override
    public long position() {
        return FilePosition.of(fileIndex, offset);
    }
}
