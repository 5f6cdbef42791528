package dev.sluice.api;

import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Bytes read where they lie, without copying: a record in the mapped queue, a chunk of a file, an
 * array. The runtime reuses one view per input, so a view handed to a stage is valid until the next
 * record; copy out ({@link #copyTo}, {@link #utf8}) what must outlive it. Numbers are read in the
 * byte order {@link Codecs#LONG} and {@link Codecs#DOUBLE} write them.
 */
public final class ByteView {
    private static final byte[] EMPTY = new byte[0];

    private final UnsafeBuffer buffer = new UnsafeBuffer(EMPTY);

    /** A view of {@code bytes[offset, offset + length)}. */
    public static ByteView of(byte[] bytes, int offset, int length) {
        return new ByteView().wrap(bytes, offset, length);
    }

    public static ByteView of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** Points this view at {@code bytes[offset, offset + length)}; returns this view. */
    public ByteView wrap(byte[] bytes, int offset, int length) {
        buffer.wrap(bytes, offset, length);
        return this;
    }

    /** Points this view at part of a buffer (what the runtime does for records in a mapped queue). */
    public ByteView wrap(DirectBuffer bytes, int offset, int length) {
        buffer.wrap(bytes, offset, length);
        return this;
    }

    /** Points this view at part of another view. */
    public ByteView wrap(ByteView other, int offset, int length) {
        buffer.wrap(other.buffer, offset, length);
        return this;
    }

    public int length() {
        return buffer.capacity();
    }

    public byte byteAt(int index) {
        return buffer.getByte(index);
    }

    public int intAt(int index) {
        return buffer.getInt(index);
    }

    public long longAt(int index) {
        return buffer.getLong(index);
    }

    public double doubleAt(int index) {
        return buffer.getDouble(index);
    }

    /** The record as a {@link Codecs#LONG} record: no boxing. */
    public long asLong() {
        return buffer.getLong(0);
    }

    /** The record as a {@link Codecs#DOUBLE} record: no boxing. */
    public double asDouble() {
        return buffer.getDouble(0);
    }

    /** Index of the first {@code value} at or after {@code from}, or -1. */
    public int indexOf(byte value, int from) {
        int length = buffer.capacity();
        for (int i = from; i < length; i++) {
            if (buffer.getByte(i) == value) {
                return i;
            }
        }
        return -1;
    }

    public void copyTo(int index, byte[] into, int offset, int length) {
        buffer.getBytes(index, into, offset, length);
    }

    /** A copy of every byte. */
    public byte[] toByteArray() {
        byte[] bytes = new byte[length()];
        copyTo(0, bytes, 0, bytes.length);
        return bytes;
    }

    /** Decodes {@code length} bytes from {@code index} as UTF-8 (malformed input becomes U+FFFD). */
    public String utf8(int index, int length) {
        byte[] bytes = new byte[length];
        copyTo(index, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The whole view decoded as UTF-8: a {@link Codecs#STRING} record's text. */
    public String utf8() {
        return utf8(0, length());
    }

    /** Whether {@code [index, index + length)} holds the same bytes as {@code other[otherIndex, ...)}. */
    public boolean bytesEqual(int index, ByteView other, int otherIndex, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (buffer.getLong(index + i) != other.buffer.getLong(otherIndex + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (buffer.getByte(index + i) != other.buffer.getByte(otherIndex + i)) {
                return false;
            }
        }
        return true;
    }

    /** Compares {@code [index, index + length)} with another range as unsigned bytes (UTF-8 code point order). */
    public int compareBytes(int index, int length, ByteView other, int otherIndex, int otherLength) {
        int common = Math.min(length, otherLength);
        for (int i = 0; i < common; i++) {
            int a = buffer.getByte(index + i) & 0xFF;
            int b = other.buffer.getByte(otherIndex + i) & 0xFF;
            if (a != b) {
                return a - b;
            }
        }
        return Integer.compare(length, otherLength);
    }

    /** A well-mixed 64-bit hash of {@code [index, index + length)}, the same in every JVM. */
    public long hash(int index, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ buffer.getLong(index + i)) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            tail |= (buffer.getByte(index + i) & 0xFFL) << shift;
        }
        h = (h ^ tail) * 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 32;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 29);
    }

    @Override
    public String toString() {
        return utf8();
    }
}
