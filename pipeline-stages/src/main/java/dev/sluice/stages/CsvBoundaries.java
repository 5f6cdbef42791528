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
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                newlines++;
                if (s != QUOTED) {
                    s = FIELD_START;
                    last = i + 1;
                    newlinesAtLastEnd = newlines;
                }
                continue;
            }
            if (b == '\r') { // a record end for FastCSV too (alone or before \n); chunks are cut at \n only
                if (s != QUOTED) {
                    s = FIELD_START;
                }
                continue;
            }
            switch (s) {
                case FIELD_START -> s = b == quote ? QUOTED : b == delimiter ? FIELD_START : UNQUOTED;
                case UNQUOTED -> s = b == delimiter ? FIELD_START : UNQUOTED;
                case QUOTED -> s = b == quote ? QUOTE_IN_QUOTED : QUOTED;
                default -> s = b == quote ? QUOTED : b == delimiter ? FIELD_START : UNQUOTED; // after a closing quote
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
