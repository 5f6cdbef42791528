package dev.sluice.stages;

import dev.sluice.api.FieldType;
import dev.sluice.api.Options;
import dev.sluice.api.Row;
import dev.sluice.api.RowSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate's final result: named columns of values, each column typed by what it holds (string if
 * any value is, else double if any is, else long), written as CSV or JSON lines by temp file and
 * atomic rename. A restart that replays to the end writes the same bytes again.
 */
final class ResultTable {
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    ResultTable(List<String> columns) {
        this.columns = columns;
    }

    void add(Object... values) {
        rows.add(values);
    }

    int size() {
        return rows.size();
    }

    List<String> columns() {
        return columns;
    }

    List<Row> rows() {
        List<FieldType> types = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            FieldType type = FieldType.LONG;
            for (Object[] row : rows) {
                if (row[c] instanceof String) {
                    type = FieldType.STRING;
                    break;
                }
                if (row[c] instanceof Double) {
                    type = FieldType.DOUBLE;
                }
            }
            types.add(type);
        }
        RowSchema schema = RowSchema.of(columns, types);
        List<Row> typed = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] values = new Object[row.length];
            for (int c = 0; c < row.length; c++) {
                Object v = row[c];
                values[c] = v == null ? null : switch (types.get(c)) {
                    case STRING -> v.toString();
                    case DOUBLE -> ((Number) v).doubleValue();
                    case LONG -> v;
                };
            }
            typed.add(Row.of(schema, values));
        }
        return typed;
    }

    /** Where an aggregate writes its table ({@code output}) and how ({@code format}: csv or jsonl; by default from the extension). */
    record Target(Path path, boolean json) {
        static Target of(Options options) {
            if (!options.has("output")) {
                return null;
            }
            Path path = options.getPath("output");
            String name = path.getFileName().toString();
            String format = options.getString("format", name.endsWith(".jsonl") || name.endsWith(".json") ? "jsonl" : "csv");
            if (!format.equals("csv") && !format.equals("jsonl")) {
                throw options.error("format", "expected csv or jsonl, got '" + format + "'");
            }
            return new Target(path, format.equals("jsonl"));
        }
    }

    void write(Target target) throws IOException {
        Path absolute = target.path().toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                RowWriter writer = target.json() ? RowWriter.jsonLines(out, columns)
                        : RowWriter.csv(out, columns, ',', '"', true);
                for (Row row : rows()) {
                    writer.write(row);
                }
                writer.flush();
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
