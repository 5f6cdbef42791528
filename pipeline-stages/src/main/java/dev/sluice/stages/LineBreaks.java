package dev.sluice.stages;

/**
 * Finds where line n of a chunk starts, counting line breaks as FastCSV does (\r\n, \r and \n are one
 * each), moving forward only: the records of a chunk come in line order.
 */
final class LineBreaks {
    private byte[] bytes;
    private int end;
    private long line;
    private int lineStart;

    /** Lines are counted from 1 at {@code from}; offsets returned are indexes into {@code bytes}. */
    void reset(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.end = to;
        this.line = 1;
        this.lineStart = from;
    }

    /** The offset where line {@code target} (1-based, not before the last one asked for) starts. */
    int startOf(long target) {
        int i = lineStart;
        while (line < target && i < end) {
            byte b = bytes[i++];
            if (b == '\r') {
                if (i < end && bytes[i] == '\n') {
                    i++;
                }
                line++;
                lineStart = i;
            } else if (b == '\n') {
                line++;
                lineStart = i;
            }
        }
        return lineStart;
    }
}
