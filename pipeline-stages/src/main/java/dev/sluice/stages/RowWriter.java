package dev.sluice.stages;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.sluice.api.Row;
import dev.sluice.api.RowSchema;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes rows as CSV (FastCSV: a header line, null as an empty field and the empty string as {@code ""},
 * so the csv source reads them back the same) or as JSON lines (Jackson: one object per line, null as
 * JSON null). Fields are taken by name, in the given column order; a row without one writes null.
 */
interface RowWriter extends Flushable {
    void write(Row row) throws IOException;

    /** @param header whether to write the column names first */
    static RowWriter csv(OutputStream out, List<String> columns, char delimiter, char quote, boolean header)
            throws IOException {
        CsvWriter csv = CsvWriter.builder().fieldSeparator(delimiter).quoteCharacter(quote)
                .quoteStrategy(QuoteStrategies.EMPTY).lineDelimiter(LineDelimiter.LF).build(out, StandardCharsets.UTF_8);
        if (header) {
            csv.writeRecord(columns);
        }
        String[] values = new String[columns.size()];
        FieldLookup lookup = new FieldLookup(columns);
        return new RowWriter() {
            public void write(Row row) {
                int[] fields = lookup.fieldsOf(row.schema());
                for (int i = 0; i < values.length; i++) {
                    Object value = fields[i] < 0 ? null : row.get(fields[i]);
                    values[i] = value == null ? null : value.toString();
                }
                csv.writeRecord(values);
            }

            public void flush() throws IOException {
                csv.flush();
            }
        };
    }

    /** @param fields the fields to write, in order; null writes every field of each row */
    static RowWriter jsonLines(OutputStream out, List<String> fields) throws IOException {
        JsonGenerator json = JsonFactory.builder().build().createGenerator(out);
        json.setRootValueSeparator(null);
        FieldLookup lookup = fields == null ? null : new FieldLookup(fields);
        return new RowWriter() {
            public void write(Row row) throws IOException {
                json.writeStartObject();
                if (lookup == null) {
                    for (int i = 0; i < row.size(); i++) {
                        field(row.schema().name(i), row.get(i));
                    }
                } else {
                    int[] at = lookup.fieldsOf(row.schema());
                    for (int i = 0; i < at.length; i++) {
                        field(fields.get(i), at[i] < 0 ? null : row.get(at[i]));
                    }
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }

            private void field(String name, Object value) throws IOException {
                json.writeFieldName(name);
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof String s) {
                    json.writeString(s);
                } else if (value instanceof Long l) {
                    json.writeNumber(l);
                } else {
                    json.writeNumber((Double) value);
                }
            }

            public void flush() throws IOException {
                json.flush();
            }
        };
    }

    /** Where each named column is in rows of a schema, remembered for the last schema seen. */
    final class FieldLookup {
        private final List<String> columns;
        private RowSchema last;
        private int[] fields;

        FieldLookup(List<String> columns) {
            this.columns = columns;
        }

        int[] fieldsOf(RowSchema schema) {
            if (schema != last) {
                fields = columns.stream().mapToInt(schema::indexOf).toArray();
                last = schema;
            }
            return fields;
        }
    }
}
