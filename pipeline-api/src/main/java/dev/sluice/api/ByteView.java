package dev.sluice.api;

import java.nio.charset.StandardCharsets;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

/**
 * Bytes read where they lie, without copying: a record in the mapped queue, a chunk of a file, an
 * array. The runtime reuses one view per input, so a view handed to a stage is valid until the next
 * record; copy out ({@link #copyTo}, {@link #utf8}) what must outlive it. Numbers are read in the
 * byte order {@link Codecs#LONG} and {@link Codecs#DOUBLE} write them. Every read is bounds-checked
 * (a bulk one, such as {@link #bytesEqual}, once for its whole range).
 */
public final class ByteView {
    private static final byte[] EMPTY = new byte[0];
    static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    /** The array the bytes lie in, or null for memory outside the heap (then {@link #address} is absolute). */
    private Object base = EMPTY;
    private long address = BufferUtil.ARRAY_BASE_OFFSET;
    private int length;

    /** A view of {@code bytes[offset, offset + length)}. */
    public static ByteView of(byte[] bytes, int offset, int length) {
        return new ByteView().wrap(bytes, offset, length);
    }

    public static ByteView of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** Points this view at {@code bytes[offset, offset + length)}; returns this view. */
    public ByteView wrap(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("[" + offset + ", +" + length + ") of " + bytes.length + " bytes");
        }
        return set(bytes, BufferUtil.ARRAY_BASE_OFFSET + offset, length);
    }

    /** Points this view at part of a buffer (what the runtime does for records in a mapped queue). */
    public ByteView wrap(DirectBuffer bytes, int offset, int length) {
        bytes.boundsCheck(offset, length);
        return set(bytes.byteArray(), bytes.addressOffset() + offset, length);
    }

    /** Points this view at part of another view. */
    public ByteView wrap(ByteView other, int offset, int length) {
        other.check(offset, length);
        return set(other.base, other.address + offset, length);
    }

    private ByteView set(Object base, long address, int length) {
        this.base = base;
        this.address = address;
        this.length = length;
        return this;
    }

    private void check(int index, int size) {
        if (index < 0 || size < 0 || index > length - size) {
            throw new IndexOutOfBoundsException("[" + index + ", +" + size + ") of a view of " + length + " bytes");
        }
    }

    public int length() {
        return length;
    }

    public byte byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index + " of a view of " + length + " bytes");
        }
        return UnsafeApi.getByte(base, address + index);
    }

    public int intAt(int index) {
        check(index, Integer.BYTES);
        return UnsafeApi.getInt(base, address + index);
    }

    public long longAt(int index) {
        check(index, Long.BYTES);
        return UnsafeApi.getLong(base, address + index);
    }

    public double doubleAt(int index) {
        check(index, Double.BYTES);
        return UnsafeApi.getDouble(base, address + index);
    }

    /** The record as a {@link Codecs#LONG} record: no boxing. */
    public long asLong() {
        return longAt(0);
    }

    /** The record as a {@link Codecs#DOUBLE} record: no boxing. */
    public double asDouble() {
        return doubleAt(0);
    }

    /** Index of the first {@code value} at or after {@code from}, or -1. */
    public int indexOf(byte value, int from) {
        check(Math.min(Math.max(from, 0), length), 0);
        for (int i = Math.max(from, 0); i < length; i++) {
            if (UnsafeApi.getByte(base, address + i) == value) {
                return i;
            }
        }
        return -1;
    }

    public void copyTo(int index, byte[] into, int offset, int length) {
        check(index, length);
        if (offset < 0 || offset > into.length - length) {
            throw new IndexOutOfBoundsException("[" + offset + ", +" + length + ") of " + into.length + " bytes");
        }
        UnsafeApi.copyMemory(base, address + index, into, BufferUtil.ARRAY_BASE_OFFSET + offset, length);
    }

    /** A copy of every byte. */
    public byte[] toByteArray() {
        return copyOf(0, length);
    }

    /** A copy of {@code length} bytes from {@code index}. */
    public byte[] copyOf(int index, int length) {
        byte[] bytes = new byte[length];
        copyTo(index, bytes, 0, length);
        return bytes;
    }

    /** Decodes {@code length} bytes from {@code index} as UTF-8 (malformed input becomes U+FFFD). */
    public String utf8(int index, int length) {
        return new String(copyOf(index, length), StandardCharsets.UTF_8);
    }

    /** The whole view decoded as UTF-8: a {@link Codecs#STRING} record's text. */
    public String utf8() {
        return utf8(0, length);
    }

    /** Whether {@code [index, index + length)} holds the same bytes as {@code other[otherIndex, ...)}. */
    public boolean bytesEqual(int index, ByteView other, int otherIndex, int length) {
        check(index, length);
        other.check(otherIndex, length);
        long a = address + index;
        long b = other.address + otherIndex;
        if (length >= Long.BYTES) {
            for (int i = 0; i < length - Long.BYTES; i += Long.BYTES) {
                if (UnsafeApi.getLong(base, a + i) != UnsafeApi.getLong(other.base, b + i)) {
                    return false;
                }
            }
            int last = length - Long.BYTES; // the last eight bytes, overlapping those already compared
            return UnsafeApi.getLong(base, a + last) == UnsafeApi.getLong(other.base, b + last);
        }
        return bits(base, a, length) == bits(other.base, b, length);
    }

    /** Compares {@code [index, index + length)} with another range as unsigned bytes (UTF-8 code point order). */
    public int compareBytes(int index, int length, ByteView other, int otherIndex, int otherLength) {
        check(index, length);
        other.check(otherIndex, otherLength);
        int common = Math.min(length, otherLength);
        for (int i = 0; i < common; i++) {
            int x = UnsafeApi.getByte(base, address + index + i) & 0xFF;
            int y = UnsafeApi.getByte(other.base, other.address + otherIndex + i) & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return Integer.compare(length, otherLength);
    }

    /** A well-mixed 64-bit hash of {@code [index, index + length)}, the same in every JVM on this machine. */
    public long hash(int index, int length) {
        check(index, length);
        long at = address + index;
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            h = (h ^ UnsafeApi.getLong(base, at + i)) * 0xFF51AFD7ED558CCDL;
            h ^= h >>> 29;
        }
        h = (h ^ bitsAt(index + i, length - i)) * 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 32;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 29);
    }

    /**
     * {@code count} (0 to 8) bytes from {@code index}, then zeros, as one long in the order {@code getLong}
     * reads memory: what {@link CountTable} keeps short keys as.
     */
    long bitsAt(int index, int count) {
        check(index, count);
        if (index <= length - Long.BYTES) { // a whole word lies here: read it and keep the key's bytes
            long word = UnsafeApi.getLong(base, address + index);
            if (count == Long.BYTES) {
                return word;
            }
            return LITTLE_ENDIAN ? word & ((1L << (8 * count)) - 1) : word & ~(-1L >>> (8 * count));
        }
        return bits(base, address + index, count);
    }

    private static long bits(Object base, long at, int count) {
        if (count == Long.BYTES) {
            return UnsafeApi.getLong(base, at);
        }
        long bits = 0;
        int i = 0;
        if (count >= Integer.BYTES) {
            long word = UnsafeApi.getInt(base, at) & 0xFFFF_FFFFL;
            bits = LITTLE_ENDIAN ? word : word << 32;
            i = Integer.BYTES;
        }
        for (; i < count; i++) {
            long b = UnsafeApi.getByte(base, at + i) & 0xFFL;
            bits |= LITTLE_ENDIAN ? b << (8 * i) : b << (8 * (Long.BYTES - 1 - i));
        }
        return bits;
    }

    @Override
    public String toString() {
        return utf8();
    }
}
