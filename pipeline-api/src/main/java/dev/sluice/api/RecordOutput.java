package dev.sluice.api;

/** Where a {@link Codec} writes one record. */
public interface RecordOutput {
    void writeByte(int value);

    void writeInt(int value);

    void writeLong(long value);

    void writeDouble(double value);

    void writeBytes(byte[] bytes, int offset, int length);

    /** Writes a string as UTF-8 after its length in bytes (stop-bit encoded). */
    void writeUtf8(CharSequence value);

    /** Writes a string as UTF-8 with no length: for a record whose text the record's own length bounds. */
    void writeText(CharSequence value);
}
