package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.Options;
import dev.sluice.api.Row;
import dev.sluice.api.RowCodec;
import dev.sluice.api.StageContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in {@code csv-out}: writes rows as CSV part files, exactly once ({@link PartFileSink}). Options:
 * {@code path} (required: the output directory), {@code columns} (the fields written, in order; default
 * the first row's), {@code header} (true: each part starts with the column names), {@code delimiter}
 * (,), {@code quote} ("), {@code part-records} (1000000), {@code prefix} (part).
 */
public final class CsvOutSink extends PartFileSink<Row> {
    private RowCodec rows;
    private List<String> columns;
    private boolean header;
    private char delimiter;
    private char quote;

    @Override
    public void open(StageContext context) {
        rows = RowCodec.of(context);
        super.open(context);
    }

    @Override
    void configure(Options options) {
        columns = options.has("columns") ? options.getList("columns") : null;
        header = options.getBoolean("header", true);
        delimiter = CsvChars.get(options, "delimiter", ',');
        quote = CsvChars.get(options, "quote", '"');
    }

    @Override
    public Codec<Row> inputCodec() {
        return rows;
    }

    @Override
    String extension() {
        return delimiter == '\t' ? "tsv" : "csv";
    }

    @Override
    PartWriter<Row> openPart(OutputStream out, Row first, boolean fresh) throws IOException {
        if (columns == null) {
            columns = first.schema().names();
        }
        return RowWriter.csv(out, columns, delimiter, quote, header && fresh);
    }

    @Override
    void saveFormat(DataOutputStream out) throws IOException {
        out.writeInt(columns == null ? -1 : columns.size());
        if (columns != null) {
            for (String column : columns) {
                StateIO.writeString(out, column);
            }
        }
    }

    @Override
    void loadFormat(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n >= 0) {
            columns = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                columns.add(StateIO.readString(in));
            }
        }
    }
}
