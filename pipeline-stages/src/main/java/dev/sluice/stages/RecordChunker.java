package dev.sluice.stages;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts one file's byte stream into chunks of whole records of about {@code chunkBytes} (longer only
 * when one record is), knowing each chunk's byte offset and first line: what a source emits or parses,
 * and where it resumes after a crash.
 */
final class RecordChunker implements AutoCloseable {
    private final InputStream in;
    private final RecordBoundaries boundaries;
    private final int chunkBytes;
    private final int maxRecordBytes;
    private byte[] buffer;
    private int filled;
    private int scanned;
    private int lastEnd = -1;
    private boolean eof;
    private long offset;
    private final long firstLine;
    private long line;
    private int chunkLength;
    private long chunkOffset;
    private long chunkLine;

    /**
     * @param offset the stream's byte offset in its file
     * @param line   the line number (1-based) at that offset
     */
    RecordChunker(InputStream in, RecordBoundaries boundaries, int chunkBytes, int maxRecordBytes, long offset,
                  long line) {
        this.in = in;
        this.boundaries = boundaries;
        this.chunkBytes = chunkBytes;
        this.maxRecordBytes = maxRecordBytes;
        this.buffer = new byte[chunkBytes];
        this.offset = offset;
        this.firstLine = line;
        this.line = line;
    }

    /**
     * Moves to the next chunk.
     *
     * @return false at the end of the stream
     * @throws RecordTooLongException if no record ends within {@code maxRecordBytes} (an unclosed quote?)
     */
    boolean next() throws IOException {
        dropChunk();
        while (true) {
            if (scanned < filled) {
                int end = boundaries.scan(buffer, scanned, filled);
                scanned = filled;
                if (end > 0) {
                    lastEnd = end;
                }
            }
            if (lastEnd > 0 && (filled == buffer.length || eof)) {
                return cut(lastEnd, firstLine + boundaries.newlinesAtLastEnd());
            }
            if (eof) {
                return filled > 0 && cut(filled, firstLine + boundaries.newlines());
            }
            if (filled == buffer.length) {
                if (buffer.length >= maxRecordBytes) {
                    throw new RecordTooLongException(line, maxRecordBytes);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(maxRecordBytes, 2L * buffer.length));
            }
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }
    }

    private boolean cut(int length, long nextLine) {
        chunkLength = length;
        chunkOffset = offset;
        chunkLine = line;
        offset += length;
        line = nextLine;
        return true;
    }

    /** Moves what follows the current chunk to the front of the buffer. */
    private void dropChunk() {
        if (chunkLength == 0) {
            return;
        }
        int rest = filled - chunkLength;
        System.arraycopy(buffer, chunkLength, buffer, 0, rest);
        filled = rest;
        scanned = rest; // already scanned: no record ends in it
        lastEnd = -1;
        chunkLength = 0;
        if (buffer.length > chunkBytes && filled <= chunkBytes) {
            buffer = Arrays.copyOf(buffer, chunkBytes);
        }
    }

    byte[] bytes() {
        return buffer;
    }

    int length() {
        return chunkLength;
    }

    /** The chunk's first byte's offset in the file. */
    long chunkOffset() {
        return chunkOffset;
    }

    /** The chunk's first line number (1-based). */
    long chunkLine() {
        return chunkLine;
    }

    /** The offset just after the current chunk: where a resumed reader starts. */
    long endOffset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The input ran past {@code maxRecordBytes} without a record end. */
    static final class RecordTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLongException(long line, int max) {
            super("a record starting at or after line " + line + " runs over " + max
                    + " bytes without ending (an unclosed quote?)");
        }
    }
}
