package dev.sluice.stages;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (without \n or \r\n), in large reads and without decoding: a line is
 * a range of {@link #buffer()}, valid until the next call. Knows the exact byte offset after the last line
 * it returned: what a source needs to resume after a crash.
 */
final class LineReader implements AutoCloseable {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 20];
    private int position;
    private int limit;
    private long offset;
    private boolean eof;
    private int lineStart;
    private int lineLength;

    LineReader(InputStream in, long offset) {
        this.in = in;
        this.offset = offset;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            int newline = indexOfNewline(position, limit);
            if (newline >= 0) {
                return line(newline, newline + 1);
            }
            if (eof) {
                return position < limit && line(limit, limit);
            }
            fill();
        }
    }

    private boolean line(int end, int next) {
        lineStart = position;
        offset += next - position;
        position = next;
        if (end > lineStart && buffer[end - 1] == '\r') {
            end--;
        }
        lineLength = end - lineStart;
        return true;
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buffer;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Keeps the unread tail, grows the buffer if a line fills it, and reads more. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** The current line is {@code buffer()[lineStart(), lineStart() + lineLength())}. */
    byte[] buffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineLength() {
        return lineLength;
    }

    /** Bytes consumed up to the end of the last line returned. */
    long offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
