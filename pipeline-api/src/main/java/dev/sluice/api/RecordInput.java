package dev.sluice.api;

/** Where a {@link Codec} reads one record from; bounded to that record. */
public interface RecordInput {
    int readByte();

    int readInt();

    long readLong();

    double readDouble();

    void readBytes(byte[] into, int offset, int length);

    /** Reads a string written by {@link RecordOutput#writeUtf8}. */
    String readUtf8();

    /** Reads {@code length} bytes as UTF-8 text, as {@link RecordOutput#writeText} wrote them. */
    String readText(int length);

    /** Bytes left in this record. */
    int remaining();
}
