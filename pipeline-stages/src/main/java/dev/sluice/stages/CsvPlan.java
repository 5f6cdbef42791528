package dev.sluice.stages;

import dev.sluice.api.ConfigException;
import dev.sluice.api.FieldType;
import dev.sluice.api.RowSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the records of one CSV file become rows: how many fields each record has, and which of them go
 * to which field of the row schema (and with which type). Travels with each chunk a source hands to
 * parse workers, so they need no options of their own.
 */
final class CsvPlan {
    final RowSchema schema;
    final int fieldCount;
    final int[] slotOfField;

    private CsvPlan(RowSchema schema, int fieldCount, int[] slotOfField) {
        this.schema = schema;
        this.fieldCount = fieldCount;
        this.slotOfField = slotOfField;
    }

    /** Columns picked by name from a file's header (all of them, as strings, if none are named). */
    static CsvPlan fromHeader(String file, List<String> header, List<Column> columns) {
        List<Column> wanted = columns;
        if (wanted.isEmpty()) {
            wanted = header.stream().map(name -> new Column(name, FieldType.STRING)).toList();
        }
        int[] fieldOf = new int[wanted.size()];
        for (int i = 0; i < wanted.size(); i++) {
            fieldOf[i] = header.indexOf(wanted.get(i).name());
            if (fieldOf[i] < 0) {
                throw new ConfigException(file + ": no column '" + wanted.get(i).name() + "' in its header " + header);
            }
        }
        return of(file, header.size(), wanted, fieldOf);
    }

    /** Columns named in file order, for files without a header. */
    static CsvPlan positional(String file, List<Column> columns) {
        int[] fieldOf = new int[columns.size()];
        Arrays.setAll(fieldOf, i -> i);
        return of(file, columns.size(), columns, fieldOf);
    }

    private static CsvPlan of(String file, int fieldCount, List<Column> columns, int[] fieldOf) {
        RowSchema.Builder schema = RowSchema.builder();
        int[] slotOfField = new int[fieldCount];
        Arrays.fill(slotOfField, -1);
        for (int i = 0; i < columns.size(); i++) {
            schema.add(columns.get(i).name(), columns.get(i).type());
            slotOfField[fieldOf[i]] = i;
        }
        try {
            return new CsvPlan(schema.build(), fieldCount, slotOfField);
        } catch (IllegalArgumentException duplicate) {
            throw new ConfigException(file + ": " + duplicate.getMessage() + " in its columns");
        }
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(fieldCount);
            out.writeInt(schema.size());
            for (int field = 0; field < fieldCount; field++) {
                int slot = slotOfField[field];
                if (slot >= 0) {
                    out.writeInt(field);
                    out.writeInt(slot);
                    out.writeByte(schema.type(slot).ordinal());
                    StateIO.writeString(out, schema.name(slot));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CsvPlan decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int fieldCount = in.readInt();
            int kept = in.readInt();
            String[] names = new String[kept];
            FieldType[] types = new FieldType[kept];
            int[] slotOfField = new int[fieldCount];
            Arrays.fill(slotOfField, -1);
            for (int i = 0; i < kept; i++) {
                int field = in.readInt();
                int slot = in.readInt();
                types[slot] = FieldType.values()[in.readByte()];
                names[slot] = StateIO.readString(in);
                slotOfField[field] = slot;
            }
            return new CsvPlan(RowSchema.of(List.of(names), new ArrayList<>(List.of(types))), fieldCount, slotOfField);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
