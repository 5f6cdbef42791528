package dev.sluice.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads {@link FileChunk}s into one reusable buffer: what a worker does with the chunks
 * {@code file-chunks} hands out. The view a read returns is valid until the next read.
 */
public final class ChunkReader implements AutoCloseable {
    private final ByteView view = new ByteView();
    private final ByteViewInput input = new ByteViewInput();
    private byte[] buffer = new byte[64 * 1024];
    private String openPath;
    private FileChannel channel;

    /** The bytes of the chunk a {@link Codecs#FILE_CHUNK} record names. */
    public ByteView read(ByteView chunkRecord) throws IOException {
        return read(Codecs.FILE_CHUNK.decode(input.over(chunkRecord)));
    }

    /** The chunk's bytes (a gzipped file's, gunzipped). */
    public ByteView read(FileChunk chunk) throws IOException {
        if (chunk.gzipped()) {
            return gunzip(Path.of(chunk.path()));
        }
        FileChannel file = channel(chunk.path());
        int length = Math.toIntExact(chunk.length());
        ensureCapacity(length);
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        while (target.hasRemaining()) {
            if (file.read(target, chunk.offset() + target.position()) < 0) {
                throw new EOFException(chunk + " runs past the end of its file: was the file changed?");
            }
        }
        return view.wrap(buffer, 0, length);
    }

    private ByteView gunzip(Path file) throws IOException {
        int length = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
            for (int n; (n = in.read(buffer, length, buffer.length - length)) >= 0; ) {
                length += n;
                if (length == buffer.length) {
                    ensureCapacity(length + 1);
                }
            }
        } catch (ZipException | EOFException e) { // no restart mends a corrupt or truncated file
            throw new BadInputException("corrupt or truncated gzip file " + file + ": " + e.getMessage(), e);
        }
        return view.wrap(buffer, 0, length);
    }

    private FileChannel channel(String path) throws IOException {
        if (!path.equals(openPath)) {
            close();
            channel = FileChannel.open(Path.of(path), StandardOpenOption.READ);
            openPath = path;
        }
        return channel;
    }

    private void ensureCapacity(int length) {
        if (length > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(length, 2L * buffer.length)));
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
            openPath = null;
        }
    }
}
