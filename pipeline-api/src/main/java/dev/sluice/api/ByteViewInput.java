package dev.sluice.api;

/**
 * A {@link RecordInput} over one record's {@link ByteView}: decodes a record read in place with a
 * {@link Codec} (what the runtime does for stages on the per-record API).
 */
public final class ByteViewInput implements RecordInput {
    private ByteView record;
    private int position;

    /** Reads {@code view} from its start; returns this input. */
    public ByteViewInput over(ByteView view) {
        this.record = view;
        this.position = 0;
        return this;
    }

    private int advance(int bytes) {
        int at = position;
        if (bytes > record.length() - at) {
            throw new IndexOutOfBoundsException("record of " + record.length() + " bytes has no " + bytes
                    + " more at " + at);
        }
        position = at + bytes;
        return at;
    }

    public int readByte() { return record.byteAt(advance(1)); }

    public int readInt() { return record.intAt(advance(Integer.BYTES)); }

    public long readLong() { return record.longAt(advance(Long.BYTES)); }

    public double readDouble() { return record.doubleAt(advance(Double.BYTES)); }

    public void readBytes(byte[] into, int offset, int length) { record.copyTo(advance(length), into, offset, length); }

    public String readUtf8() {
        long length = 0;
        for (int shift = 0; ; shift += 7) { // stop-bit: 7 bits a byte, the high bit says more follow
            int b = readByte();
            length |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return readText(Math.toIntExact(length));
    }

    public String readText(int length) { return record.utf8(advance(length), length); }

    public int remaining() { return record.length() - position; }
}
