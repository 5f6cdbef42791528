package dev.sluice.api;

/**
 * Where a batch stage writes records: each one is encoded straight into the output document's
 * buffer, with no object per record. Every method writes one whole record in the format of a
 * {@link Codecs} codec, so stages on the per-record API can read it. The defaults write through
 * {@link #begin()}/{@link #end()}; the runtime's own writer does each in place.
 */
public interface RecordWriter {
    /** A {@link Codecs#LONG} record. */
    default void emitLong(long value) {
        begin().writeLong(value);
        end();
    }

    /** A {@link Codecs#DOUBLE} record. */
    default void emitDouble(double value) {
        begin().writeDouble(value);
        end();
    }

    /** A record of these bytes as they are: {@link Codecs#BYTES}, or {@link Codecs#STRING} when they are UTF-8. */
    default void emitBytes(byte[] bytes, int offset, int length) {
        begin().writeBytes(bytes, offset, length);
        end();
    }

    /** A record of these bytes as they are. */
    default void emitBytes(ByteView bytes, int offset, int length) {
        begin().writeBytes(bytes.copyOf(offset, length), 0, length);
        end();
    }

    /**
     * A {@link Codecs#KEY_COUNT} record: the key's UTF-8 bytes and a count. Partitioned aggregates
     * route it by its key alone.
     */
    default void emitKeyCount(ByteView key, int offset, int length, long count) {
        RecordOutput out = begin();
        out.writeBytes(key.copyOf(offset, length), 0, length);
        out.writeLong(count);
        end();
    }

    /** A record through a codec (an object per record, as on the per-record API). */
    default <T> void emit(T record, Codec<T> codec) {
        codec.encode(record, begin());
        end();
    }

    /** Starts a record of several fields: write them into the returned output, then {@link #end()}. */
    RecordOutput begin();

    /** Ends the record {@link #begin()} started. */
    void end();
}
