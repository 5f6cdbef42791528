package dev.sluice.api;

/**
 * Turns a record into bytes and back. Encoding writes straight into the queue's staging buffer,
 * decoding reads straight from the mapped queue file: no intermediate byte arrays.
 */
public interface Codec<T> {
    void encode(T value, RecordOutput out);

    /** Reads one record; {@code in} holds exactly that record's bytes. */
    T decode(RecordInput in);
}
