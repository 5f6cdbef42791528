package dev.sluice.stages;

import dev.sluice.api.MalformedRecordException;
import java.util.Arrays;

/**
 * The records of one chunk, parsed, in input order: rows, and malformed inputs as
 * {@link MalformedRecordException}s, each with the byte offset in the chunk where it starts (what a
 * source's position is after the record before it).
 */
final class ParsedChunk {
    private Object[] items = new Object[1024];
    private int[] starts = new int[1024];
    private long[] lines = new long[1024];
    private int size;

    void clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
    }

    /** @param item a Row, or a String saying what is wrong with the input at {@code start} */
    void add(int start, long line, Object item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        items[size] = item;
        starts[size] = start;
        lines[size] = line;
        size++;
    }

    /**
     * Turns every problem into a {@link MalformedRecordException} naming {@code file:line}, with the
     * input's bytes; call once the chunk is parsed and while its bytes are still there.
     */
    void seal(String file, byte[] bytes, int length) {
        for (int i = 0; i < size; i++) {
            if (items[i] instanceof String problem) {
                int end = i + 1 < size ? starts[i + 1] : length;
                while (end > starts[i] && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                    end--;
                }
                items[i] = new MalformedRecordException(file + ":" + lines[i], problem,
                        Arrays.copyOfRange(bytes, starts[i], end));
            }
        }
    }

    int size() {
        return size;
    }

    /** A Row or a MalformedRecordException. */
    Object item(int i) {
        return items[i];
    }

    int start(int i) {
        return starts[i];
    }
}
