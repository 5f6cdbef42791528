package dev.sluice.stages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (without \n or \r\n) and knows the exact byte offset after the
 * last line it returned: what a source needs to resume after a crash. A line longer than the limit is
 * refused as soon as it is, not after it was read whole.
 */
final class LineReader implements AutoCloseable {
    private final InputStream in;
    private final Charset charset;
    private final byte[] buffer = new byte[64 * 1024];
    private byte[] line = new byte[256];
    private int position;
    private int limit;
    private long offset;
    private boolean eof;
    private final long maxLineBytes;

    LineReader(InputStream in, Charset charset, long offset, long maxLineBytes) {
        this.in = in;
        this.charset = charset;
        this.offset = offset;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line, or null at the end of the stream.
     *
     * @throws LineTooLongException if the next line is longer than the limit
     */
    String next() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    return length == 0 ? null : decode(line, length);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (position < limit) { // found '\n'
                position++;
                offset += chunk + 1;
                if (length == 0 && chunk <= maxLineBytes) {
                    return decode(buffer, start, chunk);
                }
                length = append(buffer, start, chunk, length);
                return decode(line, length);
            }
            offset += chunk;
            length = append(buffer, start, chunk, length);
        }
    }

    /** Bytes consumed up to the end of the last line returned. */
    long offset() {
        return offset;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            eof = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private int append(byte[] source, int start, int count, int length) {
        if (length + count > maxLineBytes) {
            throw new LineTooLongException(length + (long) count);
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(source, start, line, length, count);
        return length + count;
    }

    private String decode(byte[] bytes, int length) {
        return decode(bytes, 0, length);
    }

    private String decode(byte[] bytes, int start, int length) {
        if (length > 0 && bytes[start + length - 1] == '\r') {
            length--;
        }
        return new String(bytes, start, length, charset);
    }

    /** A line over the limit: {@code bytes} of it were seen. */
    static final class LineTooLongException extends RuntimeException {
        final long bytes;

        LineTooLongException(long bytes) {
            super(null, null, false, false);
            this.bytes = bytes;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
