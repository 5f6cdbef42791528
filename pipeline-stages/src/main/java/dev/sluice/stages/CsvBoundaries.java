package dev.sluice.stages;

/**
 * Record ends of RFC 4180 CSV: a newline outside a quoted field. A quote opens a quoted field only at
 * the start of a field and a doubled quote inside one is a literal quote, as FastCSV reads them, so a
 * chunk cut here holds whole records of FastCSV's. (Characters after a closing quote, which FastCSV
 * rejects, continue the field unquoted here; such a chunk is parsed record by record.)
 */
final class CsvBoundaries implements RecordBoundaries {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final byte delimiter;
    private final byte quote;
    private int state = FIELD_START;
    private long newlines;
    private long newlinesAtLastEnd;

    CsvBoundaries(char delimiter, char quote) {
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
    }

    @Override
    public int scan(byte[] bytes, int from, int to) {
        int last = -1;
        int s = state;
        byte d = delimiter;
        byte q = quote;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (s == QUOTED) { // the common long runs: inside quotes only a quote or a newline matters
                while (b != q) {
                    if (b == '\n') {
                        newlines++;
                    }
                    if (++i == to) {
                        state = s;
                        return last;
                    }
                    b = bytes[i];
                }
                s = QUOTE_IN_QUOTED;
                continue;
            }
            if (s == UNQUOTED) { // ... and outside them a delimiter or a line end
                while (b != d && b != '\n' && b != '\r') {
                    if (++i == to) {
                        state = s;
                        return last;
                    }
                    b = bytes[i];
                }
            }
            if (b == '\n') {
                newlines++;
                s = FIELD_START;
                last = i + 1;
                newlinesAtLastEnd = newlines;
            } else if (b == '\r' || b == d) { // \r: a record end for FastCSV too; chunks are cut at \n only
                s = FIELD_START;
            } else if (b == q) {
                s = QUOTED; // at a field start, or a doubled quote after a closing one
            } else {
                s = UNQUOTED; // characters after a closing quote continue the field
            }
        }
        state = s;
        return last;
    }

    @Override
    public long newlines() {
        return newlines;
    }

    @Override
    public long newlinesAtLastEnd() {
        return newlinesAtLastEnd;
    }
}
