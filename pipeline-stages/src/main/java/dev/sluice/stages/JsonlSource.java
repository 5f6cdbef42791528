package dev.sluice.stages;

import dev.sluice.api.Options;
import dev.sluice.api.RowSchema;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * Built-in {@code jsonl}: rows of JSON-lines files (one object per line; a file or a glob, {@code .gz}
 * too), parsed by Jackson's streaming parser. Options: {@code path} (required), {@code fields}
 * (required: {@code name} or {@code name:type}, type string, long or double: the top-level fields kept,
 * in that order), {@code encoding} (UTF-8), {@code parse} ({@code source}, or {@code workers}: hand
 * chunks to a parallel {@code jsonl-parse} stage), {@code chunk-size} (256KB), {@code max-record-size}
 * (16MB). A malformed line follows the stage's {@code on-error}, named by file:line.
 */
public final class JsonlSource extends ChunkedFileSource {
    private JsonLinesParser parser;
    private byte[] plan;

    @Override
    void configure(Options options, Charset charset) {
        if (!options.has("fields")) {
            throw options.error("path", "name the fields to keep: fields: [time, status:long, ...]");
        }
        List<Column> fields = Column.list(options, "fields");
        RowSchema.Builder schema = RowSchema.builder();
        fields.forEach(f -> schema.add(f.name(), f.type()));
        try {
            parser = new JsonLinesParser(schema.build());
        } catch (IllegalArgumentException duplicate) {
            throw options.error("fields", duplicate.getMessage());
        }
        plan = parser.plan();
    }

    @Override
    String format() {
        return "jsonl";
    }

    @Override
    RecordBoundaries boundaries() {
        return RecordBoundaries.lines();
    }

    @Override
    long startFile(Path file, InputStream in) {
        return 0;
    }

    @Override
    byte[] plan() {
        return plan;
    }

    @Override
    ParsedChunk parse(String file, long firstLine, byte[] bytes, int length) {
        return parser.parse(file, firstLine, bytes, length);
    }
}
