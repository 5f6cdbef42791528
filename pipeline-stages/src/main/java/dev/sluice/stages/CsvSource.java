package dev.sluice.stages;

import dev.sluice.api.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * Built-in {@code csv}: rows of CSV files (a file or a glob, {@code .gz} too), parsed by FastCSV.
 * Options: {@code path} (required), {@code header} (true: each file's first record names the columns),
 * {@code columns} ({@code name} or {@code name:type}, type string, long or double: the columns kept,
 * in that order; required without a header, all as strings by default), {@code delimiter} (,),
 * {@code quote} ("), {@code encoding} (UTF-8), {@code parse} ({@code source}, or {@code workers}: hand
 * chunks to a parallel {@code csv-parse} stage), {@code chunk-size} (256KB), {@code max-record-size}
 * (16MB). A malformed record (wrong number of fields, a value not of its column's type) follows the
 * stage's {@code on-error}, named by file:line.
 */
public final class CsvSource extends ChunkedFileSource {
    private char delimiter;
    private char quote;
    private Charset charset;
    private boolean header;
    private List<Column> columns;
    private CsvChunkParser parser;
    private CsvPlan plan;
    private byte[] planBytes;

    @Override
    void configure(Options options, Charset charset) {
        this.charset = charset;
        delimiter = CsvChars.get(options, "delimiter", ',');
        quote = CsvChars.get(options, "quote", '"');
        if (delimiter == quote) {
            throw options.error("quote", "the quote and the delimiter must differ");
        }
        header = options.getBoolean("header", true);
        columns = Column.list(options, "columns");
        if (!header && columns.isEmpty()) {
            throw options.error("header", "without a header, name the columns: columns: [id:long, name, ...]");
        }
        parser = new CsvChunkParser(delimiter, quote, charset);
    }

    @Override
    String format() {
        return "csv";
    }

    @Override
    RecordBoundaries boundaries() {
        return new CsvBoundaries(delimiter, quote);
    }

    @Override
    long startFile(Path file, InputStream in) throws IOException {
        long read = 0;
        if (header) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            CsvBoundaries boundaries = new CsvBoundaries(delimiter, quote);
            byte[] one = new byte[1];
            for (int b; (b = in.read()) >= 0; ) {
                one[0] = (byte) b;
                first.write(b);
                if (boundaries.scan(one, 0, 1) > 0) {
                    break;
                }
            }
            read = first.size();
            plan = CsvPlan.fromHeader(file.toString(), parser.firstRecord(first.toString(charset)), columns);
        } else {
            plan = CsvPlan.positional(file.toString(), columns);
        }
        planBytes = null;
        return read;
    }

    @Override
    byte[] plan() {
        if (planBytes == null) {
            planBytes = CsvChunkPlan.encode(delimiter, quote, charset, plan);
        }
        return planBytes;
    }

    @Override
    ParsedChunk parse(String file, long firstLine, byte[] bytes, int length) {
        return parser.parse(plan, file, firstLine, bytes, length);
    }
}
