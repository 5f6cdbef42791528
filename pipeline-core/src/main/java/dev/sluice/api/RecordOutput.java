package dev.sluice.api;

/** Where a {@link Codec} writes one record. */
public interface RecordOutput {
    void writeByte(int value);

    void writeInt(int value);

    void writeLong(long value);

    void writeDouble(double value);

    void writeBytes(byte[] bytes, int offset, int length);

    /** Writes a length-prefixed UTF-8 string. */
    void writeUtf8(CharSequence value);
}
