package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.Options;
import dev.sluice.api.Row;
import dev.sluice.api.RowCodec;
import dev.sluice.api.StageContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Built-in {@code jsonl-out}: writes rows as JSON-lines part files, one object per row, exactly once
 * ({@link PartFileSink}). Options: {@code path} (required: the output directory), {@code fields} (the
 * fields written, in order; default all of each row's), {@code part-records} (1000000), {@code prefix} (part).
 */
public final class JsonlOutSink extends PartFileSink<Row> {
    private RowCodec rows;
    private List<String> fields;

    @Override
    public void open(StageContext context) {
        rows = RowCodec.of(context);
        super.open(context);
    }

    @Override
    void configure(Options options) {
        fields = options.has("fields") ? options.getList("fields") : null;
    }

    @Override
    public Codec<Row> inputCodec() {
        return rows;
    }

    @Override
    String extension() {
        return "jsonl";
    }

    @Override
    PartWriter<Row> openPart(OutputStream out, Row first, boolean fresh) throws IOException {
        return RowWriter.jsonLines(out, fields);
    }
}
