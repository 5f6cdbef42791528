package dev.sluice.stages;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (without \n or \r\n), in large reads and without decoding: a line is
 * a range of {@link #buffer()}, valid until the next call. Knows the exact byte offset after the last line
 * it returned: what a source needs to resume after a crash. A line longer than the limit is refused as
 * soon as it is, not after it was read whole.
 */
final class LineReader implements AutoCloseable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 20];
    private int position;
    private int limit;
    private long offset;
    private boolean eof;
    private int lineStart;
    private int lineLength;
    private final long maxLineBytes;

    LineReader(InputStream in, long offset, long maxLineBytes) {
        this.in = in;
        this.offset = offset;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Moves to the next line; false at the end of the stream.
     *
     * @throws LineTooLongException if the next line is longer than the limit
     */
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
        if (lineLength > maxLineBytes) {
            throw new LineTooLongException(lineLength);
        }
        return true;
    }

    /** Eight bytes at a time: a byte of {@code word ^ NEWLINES} is zero where a newline is (SWAR). */
    private int indexOfNewline(int from, int to) {
        byte[] b = buffer;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i) ^ NEWLINES;
            long zeros = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
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
        if (limit > maxLineBytes) {
            throw new LineTooLongException(limit); // a line this long has no end in sight yet
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

    /** A line over the limit: {@code bytes} of it were seen. */
    static final class LineTooLongException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final long bytes;

        LineTooLongException(long bytes) {
            super(null, null, false, false);
            this.bytes = bytes;
        }
    }
}
