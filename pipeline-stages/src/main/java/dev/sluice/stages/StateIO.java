package dev.sluice.stages;

import dev.sluice.api.FieldType;
import dev.sluice.api.Row;
import dev.sluice.api.RowSchema;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshot helpers: strings of any length (an int length and UTF-8, unlike {@code writeUTF}'s 64 KiB),
 * typed values, schemas and rows, so every built-in's state round-trips exactly.
 */
final class StateIO {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int DOUBLE = 3;

    private StateIO() {
    }

    static void writeString(DataOutput out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInput in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A String, Long, Double or null. */
    static void writeValue(DataOutput out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits((Double) value));
        }
    }

    static Object readValue(DataInput in) throws IOException {
        return switch (in.readByte()) {
            case NULL -> null;
            case STRING -> readString(in);
            case LONG -> in.readLong();
            case DOUBLE -> Double.longBitsToDouble(in.readLong());
            default -> throw new IOException("not a snapshot value");
        };
    }

    static void writeSchema(DataOutput out, RowSchema schema) throws IOException {
        out.writeInt(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            writeString(out, schema.name(i));
            out.writeByte(schema.type(i).ordinal());
        }
    }

    static RowSchema readSchema(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> names = new ArrayList<>(n);
        List<FieldType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(readString(in));
            types.add(FieldType.values()[in.readByte()]);
        }
        return RowSchema.of(names, types);
    }

    /** A row with its schema (rows that share a schema may share its object after reading). */
    static void writeRow(DataOutput out, Row row) throws IOException {
        writeSchema(out, row.schema());
        for (int i = 0; i < row.size(); i++) {
            writeValue(out, row.get(i));
        }
    }

    static Row readRow(DataInput in) throws IOException {
        RowSchema schema = readSchema(in);
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readValue(in);
        }
        return Row.of(schema, values);
    }
}
