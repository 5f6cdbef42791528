package dev.sluice.api;

/**
 * The records of one input document, read in place: the vectorised path. Move with {@link #next()}
 * and read the current record through {@link #record()}, a view that is valid until the next call.
 * <pre>{@code
 * while (input.next()) {
 *     sum += input.record().asLong();
 * }
 * }</pre>
 */
public interface RecordBatch {
    /** How many records the document holds (for a partition: its section). */
    int size();

    /** Moves to the next record; false after the last one. */
    boolean next();

    /** The current record's bytes: one reused view, valid until {@link #next()}. */
    ByteView record();
}
