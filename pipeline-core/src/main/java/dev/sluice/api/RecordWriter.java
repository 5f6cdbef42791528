package dev.sluice.api;

/**
 * Where a batch stage writes records: each one is encoded straight into the output document's
 * buffer, with no object per record. Every method writes one whole record in the format of a
 * {@link Codecs} codec, so stages on the per-record API can read it.
 */
public interface RecordWriter {
    /** A {@link Codecs#LONG} record. */
    void emitLong(long value);

    /** A {@link Codecs#DOUBLE} record. */
    void emitDouble(double value);

    /** A record of these bytes as they are: {@link Codecs#BYTES}, or {@link Codecs#STRING} when they are UTF-8. */
    void emitBytes(byte[] bytes, int offset, int length);

    /** A record of these bytes as they are. */
    void emitBytes(ByteView bytes, int offset, int length);

    /**
     * A {@link Codecs#KEY_COUNT} record: the key's UTF-8 bytes and a count. Partitioned aggregates
     * route it by its key alone.
     */
    void emitKeyCount(ByteView key, int offset, int length, long count);

    /** A record through a codec (an object per record, as on the per-record API). */
    <T> void emit(T record, Codec<T> codec);

    /** Starts a record of several fields: write them into the returned output, then {@link #end()}. */
    RecordOutput begin();

    /** Ends the record {@link #begin()} started. */
    void end();
}
