package dev.sluice.queue;

import dev.sluice.api.RecordOutput;
import net.openhft.chronicle.bytes.Bytes;

/** {@link RecordOutput} over Chronicle bytes. */
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

    public void writeUtf8(CharSequence value) { bytes.writeUtf8(value); }
}
