package dev.sluice.queue;

import dev.sluice.api.RecordOutput;
import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.Bytes;

/** {@link RecordOutput} over Chronicle bytes. Text is standard UTF-8 (Chronicle's own writeUtf8 is not, for surrogates). */
final class BytesRecordOutput implements RecordOutput {
    private final Bytes<?> bytes;

    BytesRecordOutput(Bytes<?> bytes) {
        this.bytes = bytes;
    }

    public void writeByte(int value) { bytes.writeByte((byte) value); }

    public void writeInt(int value) { bytes.writeInt(value); }

    public void writeLong(long value) { bytes.writeLong(value); }

    public void writeDouble(double value) { bytes.writeDouble(value); }

    public void writeBytes(byte[] source, int offset, int length) { bytes.write(source, offset, length); }

    public void writeUtf8(CharSequence value) {
        if (isAscii(value)) {
            bytes.writeStopBit(value.length());
            writeAscii(value, 0, value.length());
        } else {
            byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
            bytes.writeStopBit(utf8.length);
            bytes.write(utf8);
        }
    }

    public void writeText(CharSequence value) {
        if (isAscii(value)) {
            writeAscii(value, 0, value.length());
        } else {
            bytes.write(value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isAscii(CharSequence value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void writeAscii(CharSequence value, int from, int to) {
        for (int i = from; i < to; i++) {
            bytes.writeByte((byte) value.charAt(i));
        }
    }
}
