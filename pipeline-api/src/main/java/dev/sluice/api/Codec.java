package dev.sluice.api;

/**
 * Turns a record into bytes and back. Encoding writes straight into the queue's staging buffer,
 * decoding reads straight from the mapped queue file: no intermediate byte arrays.
 */
public interface Codec<T> {
    void encode(T value, RecordOutput out);

    /** Reads one record; {@code in} holds exactly that record's bytes. */
    T decode(RecordInput in);

    /**
     * How many leading bytes of an encoded record are its key, by which partitioned aggregates route
     * it ({@code partitions: N}): the whole record unless the codec says otherwise.
     */
    default int keyLength(ByteView encoded) {
        return encoded.length();
    }
}
