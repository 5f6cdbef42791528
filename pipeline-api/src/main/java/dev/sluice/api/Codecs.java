package dev.sluice.api;

import java.util.Locale;

/** The built-in codecs, also reachable by name from YAML ({@code codec: long}). */
public final class Codecs {
    /** UTF-8 text; the record's own length bounds it, so a record's bytes are the text itself. */
    public static final Codec<String> STRING = new Codec<>() {
        public void encode(String value, RecordOutput out) { out.writeText(value); }
        public String decode(RecordInput in) { return in.readText(in.remaining()); }
    };

    public static final Codec<Long> LONG = new Codec<>() {
        public void encode(Long value, RecordOutput out) { out.writeLong(value); }
        public Long decode(RecordInput in) { return in.readLong(); }
    };

    public static final Codec<Double> DOUBLE = new Codec<>() {
        public void encode(Double value, RecordOutput out) { out.writeDouble(value); }
        public Double decode(RecordInput in) { return in.readDouble(); }
    };

    /** The record's bytes as they are. */
    public static final Codec<byte[]> BYTES = new Codec<>() {
        public void encode(byte[] value, RecordOutput out) { out.writeBytes(value, 0, value.length); }
        public byte[] decode(RecordInput in) {
            byte[] bytes = new byte[in.remaining()];
            in.readBytes(bytes, 0, bytes.length);
            return bytes;
        }
    };

    /** The key's UTF-8 bytes, then the count (8 bytes); partitioned aggregates route by the key alone. */
    public static final Codec<KeyCount> KEY_COUNT = new Codec<>() {
        public void encode(KeyCount value, RecordOutput out) {
            out.writeText(value.key());
            out.writeLong(value.count());
        }
        public KeyCount decode(RecordInput in) {
            String key = in.readText(in.remaining() - Long.BYTES);
            return new KeyCount(key, in.readLong());
        }
        public int keyLength(ByteView encoded) { return encoded.length() - Long.BYTES; }
    };

    /** A {@link LongRange}: from, to, step. */
    public static final Codec<LongRange> LONG_RANGE = new Codec<>() {
        public void encode(LongRange value, RecordOutput out) {
            out.writeLong(value.from());
            out.writeLong(value.to());
            out.writeLong(value.step());
        }
        public LongRange decode(RecordInput in) { return new LongRange(in.readLong(), in.readLong(), in.readLong()); }
    };

    /** A {@link FileChunk}: offset, length, then the path's UTF-8 bytes. */
    public static final Codec<FileChunk> FILE_CHUNK = new Codec<>() {
        public void encode(FileChunk value, RecordOutput out) {
            out.writeLong(value.offset());
            out.writeLong(value.length());
            out.writeText(value.path());
        }
        public FileChunk decode(RecordInput in) {
            long offset = in.readLong();
            long length = in.readLong();
            return new FileChunk(in.readText(in.remaining()), offset, length);
        }
    };

    private Codecs() {
    }

    /**
     * A codec by its YAML name: {@code string}, {@code long}, {@code double}, {@code bytes},
     * {@code key-count}, {@code long-range}, {@code file-chunk}, or the class name of a {@link Codec}
     * with a public no-arg constructor.
     */
    public static Codec<?> byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "string": return STRING;
            case "long": return LONG;
            case "double": return DOUBLE;
            case "bytes": return BYTES;
            case "key-count": return KEY_COUNT;
            case "long-range": return LONG_RANGE;
            case "file-chunk": return FILE_CHUNK;
            default:
                try {
                    Class<?> type = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
                    return (Codec<?>) type.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw new IllegalArgumentException("unknown codec '" + name + "': use string, long, double, bytes,"
                            + " key-count, long-range, file-chunk or a Codec class name", e);
                }
        }
    }
}
