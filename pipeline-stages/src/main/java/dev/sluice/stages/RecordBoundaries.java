package dev.sluice.stages;

/**
 * Finds where records end in a byte stream, without parsing them: what lets a source cut a file
 * into chunks of whole records (and resume on a record boundary) while the format library parses.
 * Stateful: a scan continues where the previous one stopped; a chunk always starts at a record start.
 */
interface RecordBoundaries {
    /**
     * Scans {@code bytes[from, to)}.
     *
     * @return the index after the last record end found in that range, or -1 if none
     */
    int scan(byte[] bytes, int from, int to);

    /** Newlines seen by scans so far, and up to the last record end returned. */
    long newlines();

    long newlinesAtLastEnd();

    /** Every newline ends a record (JSON lines, text). */
    static RecordBoundaries lines() {
        return new RecordBoundaries() {
            private long newlines;

            public int scan(byte[] bytes, int from, int to) {
                int last = -1;
                for (int i = from; i < to; i++) {
                    if (bytes[i] == '\n') {
                        newlines++;
                        last = i + 1;
                    }
                }
                return last;
            }

            public long newlines() {
                return newlines;
            }

            public long newlinesAtLastEnd() {
                return newlines;
            }
        };
    }
}
