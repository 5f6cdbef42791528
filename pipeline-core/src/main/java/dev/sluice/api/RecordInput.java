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

    /** Bytes left in this record. */
    int remaining();
}
