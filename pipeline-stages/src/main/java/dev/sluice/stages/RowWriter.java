package dev.sluice.stages;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.sluice.api.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes rows as CSV (FastCSV: a header line, null as an empty field and the empty string as {@code ""},
 * so the csv source reads them back the same) or as JSON lines (Jackson: one object per line, null as
 * JSON null). Fields are taken by name, in the given column order; a row without one writes null.
 */
interface RowWriter extends PartFileSink.PartWriter<Row> {

    /** @param header whether to write the column names first */
    static RowWriter csv(OutputStream out, List<String> columns, char delimiter, char quote, boolean header)
            throws IOException {
        CsvWriter csv = CsvWriter.builder().fieldSeparator(delimiter).quoteCharacter(quote)
                .quoteStrategy(QuoteStrategies.EMPTY).lineDelimiter(LineDelimiter.LF).build(out, StandardCharsets.UTF_8);
        if (header) {
            csv.writeRecord(columns);
        }
        String[] values = new String[columns.size()];
        RowFields fields = new RowFields(columns);
        return new RowWriter() {
            public void write(Row row) {
                for (int i = 0; i < values.length; i++) {
                    Object value = fields.get(row, i);
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
    static RowWriter jsonLines(OutputStream out, List<String> names) throws IOException {
        JsonGenerator json = JsonFactory.builder().build().createGenerator(out);
        json.setRootValueSeparator(null);
        RowFields fields = names == null ? null : new RowFields(names);
        return new RowWriter() {
            public void write(Row row) throws IOException {
                json.writeStartObject();
                if (fields == null) {
                    for (int i = 0; i < row.size(); i++) {
                        field(row.schema().name(i), row.get(i));
                    }
                } else {
                    for (int i = 0; i < names.size(); i++) {
                        field(names.get(i), fields.get(row, i));
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
}
