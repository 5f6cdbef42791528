package dev.sluice.queue;

import dev.sluice.api.RecordInput;
import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.Bytes;

/** {@link RecordInput} over Chronicle bytes whose read limit is the end of one record. */
final class BytesRecordInput implements RecordInput {
    private Bytes<?> bytes;
    private byte[] text = new byte[256];

    void wrap(Bytes<?> bytes) {
        this.bytes = bytes;
    }

    public int readByte() { return bytes.readByte(); }

    public int readInt() { return bytes.readInt(); }

    public long readLong() { return bytes.readLong(); }

    public double readDouble() { return bytes.readDouble(); }

    public void readBytes(byte[] into, int offset, int length) { bytes.read(into, offset, length); }

    public String readUtf8() { return readText(Math.toIntExact(bytes.readStopBit())); }

    public String readText(int length) {
        if (length > text.length) {
            text = new byte[Math.max(length, 2 * text.length)];
        }
        bytes.read(text, 0, length);
        return new String(text, 0, length, StandardCharsets.UTF_8);
    }

    public int remaining() { return (int) bytes.readRemaining(); }
}
