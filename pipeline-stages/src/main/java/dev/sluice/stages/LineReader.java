package dev.sluice.stages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (without \n or \r\n) and knows the exact byte offset after the
 * last line it returned: what a source needs to resume after a crash.
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

    LineReader(InputStream in, Charset charset, long offset) {
        this.in = in;
        this.charset = charset;
        this.offset = offset;
    }

    /** The next line, or null at the end of the stream. */
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
                if (length == 0) {
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

    @Override
    public void close() throws IOException {
        in.close();
    }
}
