package dev.sluice.stages;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;
import dev.sluice.api.FieldType;
import dev.sluice.api.Row;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Parses a chunk of whole CSV records into rows with FastCSV, typing each kept field as its plan says.
 * An empty unquoted field is null; {@code ""} is the empty string (PostgreSQL's CSV convention, which
 * {@code csv-out} writes back). A record with the wrong number of fields or a value that is not of its
 * column's type is malformed. A chunk FastCSV rejects (characters after a closing quote, an unclosed
 * quote at the end of the input) is parsed again record by record, so only the bad records are lost.
 */
final class CsvChunkParser {
    private final CsvReader.CsvReaderBuilder reader;
    private final char delimiter;
    private final char quote;
    private final Charset charset;
    private final ParsedChunk parsed = new ParsedChunk();
    private final LineBreaks lineBreaks = new LineBreaks();

    CsvChunkParser(char delimiter, char quote, Charset charset) {
        this.delimiter = delimiter;
        this.quote = quote;
        this.charset = charset;
        this.reader = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter(quote).skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE).detectBomHeader(false);
    }

    /** The fields of the first record of {@code text} (a header), or an empty list if there is none. */
    List<String> firstRecord(String text) {
        try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> records = reader.ofCsvRecord(text)) {
            var it = records.iterator();
            return it.hasNext() ? it.next().getFields() : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * @param file      for error messages
     * @param firstLine the chunk's first line in the file
     * @return the chunk's records; valid until the next call
     */
    ParsedChunk parse(CsvPlan plan, String file, long firstLine, byte[] bytes, int length) {
        parsed.clear();
        try {
            parseRecords(plan, firstLine, bytes, 0, length);
        } catch (CsvParseException rejected) {
            parsed.clear();
            recordByRecord(plan, firstLine, bytes, length);
        }
        parsed.seal(file, bytes, length);
        return parsed;
    }

    private void parseRecords(CsvPlan plan, long firstLine, byte[] bytes, int from, int to) {
        lineBreaks.reset(bytes, from, to);
        try (CsvReader<Object> records = reader.build(new RowHandler(plan, firstLine),
                new String(bytes, from, to - from, charset))) {
            for (Object ignored : records) {
                // the handler adds each record to parsed
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void recordByRecord(CsvPlan plan, long firstLine, byte[] bytes, int length) {
        CsvBoundaries boundaries = new CsvBoundaries(delimiter, quote);
        long line = firstLine;
        for (int start = 0, end; start < length; start = end) {
            end = start;
            while (end < length && boundaries.scan(bytes, end, end + 1) < 0) {
                end++;
            }
            end = Math.min(length, end + 1);
            try {
                parseRecords(plan, line, bytes, start, end);
            } catch (CsvParseException e) {
                parsed.add(start, line, e.getMessage());
            }
            for (int i = start; i < end; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
        }
    }

    /** Builds a row per record straight from FastCSV's buffer, with the record's start in the chunk. */
    private final class RowHandler extends AbstractBaseCsvCallbackHandler<Object> {
        private final CsvPlan plan;
        private final long firstLine;
        private Object[] values;
        private String problem;

        RowHandler(CsvPlan plan, long firstLine) {
            this.plan = plan;
            this.firstLine = firstLine;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            values = new Object[plan.schema.size()];
            problem = null;
        }

        @Override
        protected void handleField(int field, char[] buf, int offset, int len, boolean quoted) {
            if (field >= plan.fieldCount || problem != null) {
                return;
            }
            int slot = plan.slotOfField[field];
            if (slot < 0) {
                return;
            }
            FieldType type = plan.schema.type(slot);
            if (type == FieldType.STRING) {
                values[slot] = len == 0 && !quoted ? null : new String(buf, offset, len);
                return;
            }
            try {
                values[slot] = type == FieldType.LONG ? (Object) Numbers.parseLong(buf, offset, len)
                        : (Object) Numbers.parseDouble(buf, offset, len);
            } catch (NumberFormatException e) {
                problem = "column '" + plan.schema.name(slot) + "': '" + new String(buf, offset, len) + "' is not a "
                        + type.label();
            }
        }

        @Override
        protected Object buildRecord() {
            if (getRecordType() != RecordType.DATA) {
                return null;
            }
            long line = getStartingLineNumber();
            int start = lineBreaks.startOf(line);
            long fileLine = firstLine + line - 1;
            if (getFieldCount() != plan.fieldCount) {
                parsed.add(start, fileLine, "expected " + plan.fieldCount + " fields, found " + getFieldCount());
            } else if (problem != null) {
                parsed.add(start, fileLine, problem);
            } else {
                parsed.add(start, fileLine, Row.of(plan.schema, values));
            }
            return Boolean.TRUE;
        }
    }
}
