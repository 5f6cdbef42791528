package dev.sluice.api;

import java.util.Locale;

/** The built-in codecs, also reachable by name from YAML ({@code codec: long}). */
public final class Codecs {
    public static final Codec<String> STRING = new Codec<>() {
        public void encode(String value, RecordOutput out) { out.writeUtf8(value); }
        public String decode(RecordInput in) { return in.readUtf8(); }
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

    public static final Codec<KeyCount> KEY_COUNT = new Codec<>() {
        public void encode(KeyCount value, RecordOutput out) {
            out.writeUtf8(value.key());
            out.writeLong(value.count());
        }
        public KeyCount decode(RecordInput in) { return new KeyCount(in.readUtf8(), in.readLong()); }
    };

    private Codecs() {
    }

    /**
     * A codec by its YAML name: {@code string}, {@code long}, {@code double}, {@code bytes},
     * {@code key-count}, or the class name of a {@link Codec} with a public no-arg constructor.
     */
    public static Codec<?> byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "string": return STRING;
            case "long": return LONG;
            case "double": return DOUBLE;
            case "bytes": return BYTES;
            case "key-count": return KEY_COUNT;
            default:
                try {
                    Class<?> type = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
                    return (Codec<?>) type.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw new IllegalArgumentException("unknown codec '" + name
                            + "': use string, long, double, bytes, key-count or a Codec class name", e);
                }
        }
    }
}
