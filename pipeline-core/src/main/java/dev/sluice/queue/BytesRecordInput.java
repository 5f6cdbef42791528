package dev.sluice.queue;

import dev.sluice.api.RecordInput;
import net.openhft.chronicle.bytes.Bytes;

/** {@link RecordInput} over Chronicle bytes whose read limit is the end of one record. */
final class BytesRecordInput implements RecordInput {
    private Bytes<?> bytes;

    void wrap(Bytes<?> bytes) {
        this.bytes = bytes;
    }

    public int readByte() { return bytes.readByte(); }

    public int readInt() { return bytes.readInt(); }

    public long readLong() { return bytes.readLong(); }

    public double readDouble() { return bytes.readDouble(); }

    public void readBytes(byte[] into, int offset, int length) { bytes.read(into, offset, length); }

    public String readUtf8() { return bytes.readUtf8(); }

    public int remaining() { return (int) bytes.readRemaining(); }
}
