package dev.sluice.examples;

import dev.sluice.api.BatchProcessor;
import dev.sluice.api.ByteView;
import dev.sluice.api.CountTable;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.RecordWriter;

/**
 * {@link Tokenizer} on the batch path: reads each line where it lies in the queue and counts its words
 * in a {@link CountTable}, with no String per line or word; at the end of a claim it writes each word
 * once with its count (a combiner over the whole claim).
 */
public final class LineTokenizer implements BatchProcessor {
    private final CountTable counts = new CountTable();

    @Override
    public void process(RecordBatch lines, RecordWriter out) {
        while (lines.next()) {
            ByteView line = lines.record();
            Words.count(line, 0, line.length(), counts);
        }
    }

    @Override
    public void flush(RecordWriter out) {
        counts.writeTo(out);
        counts.clear();
    }
}
