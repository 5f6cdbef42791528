package dev.sluice.api;

/**
 * The numbers {@code from, from + step, ...} up to {@code to} inclusive: a chunk of a range as one
 * task, as {@code range} with {@code chunk: N} emits them ({@code Pool.map(chunksize=)}).
 */
public record LongRange(long from, long to, long step) {
    /** How many numbers the range holds. */
    public long count() {
        return to < from ? 0 : (to - from) / step + 1;
    }
}
