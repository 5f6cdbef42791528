package dev.sluice.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names and types of a {@link Row}'s fields. A row on a queue carries only its schema's
 * {@link #id()}; the names are written once per schema ({@link RowCodec}).
 */
public final class RowSchema {
    private final String[] names;
    private final FieldType[] types;
    private final Map<String, Integer> index;
    private final int id;

    private RowSchema(String[] names, FieldType[] types) {
        this.names = names;
        this.types = types;
        this.index = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            if (index.put(names[i], i) != null) {
                throw new IllegalArgumentException("field '" + names[i] + "' appears twice");
            }
        }
        this.id = fingerprint(encode());
    }

    public static RowSchema of(List<String> names, List<FieldType> types) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + types.size() + " types");
        }
        return new RowSchema(names.toArray(String[]::new), types.toArray(FieldType[]::new));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return names.length;
    }

    public String name(int field) {
        return names[field];
    }

    public FieldType type(int field) {
        return types[field];
    }

    /** The index of the field called {@code name}, or -1 if there is none. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public List<String> names() {
        return List.of(names);
    }

    /** A 32-bit fingerprint of the names and types: what each encoded row carries instead of them. */
    public int id() {
        return id;
    }

    /** The schema of these fields of this one, in the order given. */
    public RowSchema select(List<String> fields) {
        Builder builder = builder();
        for (String field : fields) {
            int i = indexOf(field);
            if (i < 0) {
                throw new IllegalArgumentException("no field '" + field + "' in " + this);
            }
            builder.add(field, types[i]);
        }
        return builder.build();
    }

    /** The canonical bytes of this schema (field count, then per field its type and UTF-8 name). */
    byte[] encode() {
        var out = new java.io.ByteArrayOutputStream();
        var data = new java.io.DataOutputStream(out);
        try {
            data.writeInt(names.length);
            for (int i = 0; i < names.length; i++) {
                byte[] name = names[i].getBytes(StandardCharsets.UTF_8);
                data.writeByte(types[i].ordinal());
                data.writeInt(name.length);
                data.write(name);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static RowSchema decode(byte[] bytes) {
        var data = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
        try {
            int n = data.readInt();
            String[] names = new String[n];
            FieldType[] types = new FieldType[n];
            for (int i = 0; i < n; i++) {
                types[i] = FieldType.values()[data.readByte()];
                byte[] name = new byte[data.readInt()];
                data.readFully(name);
                names[i] = new String(name, StandardCharsets.UTF_8);
            }
            return new RowSchema(names, types);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a row schema", e);
        }
    }

    /** FNV-1a over the canonical bytes, then a final avalanche (murmur3's fmix32). */
    private static int fingerprint(byte[] bytes) {
        int h = 0x811c9dc5;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowSchema other && id == other.id && Arrays.equals(names, other.names)
                && Arrays.equals(types, other.types);
    }

    @Override
    public int hashCode() {
        return id;
    }

    /** {@code (customer:string, amount:double)} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < names.length; i++) {
            text.append(i == 0 ? "" : ", ").append(names[i]).append(':').append(types[i].label());
        }
        return text.append(')').toString();
    }

    /** Adds fields in order. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<FieldType> types = new ArrayList<>();

        public Builder add(String name, FieldType type) {
            names.add(name);
            types.add(type);
            return this;
        }

        public Builder string(String name) {
            return add(name, FieldType.STRING);
        }

        public Builder longField(String name) {
            return add(name, FieldType.LONG);
        }

        public Builder doubleField(String name) {
            return add(name, FieldType.DOUBLE);
        }

        public RowSchema build() {
            return of(names, types);
        }
    }
}
