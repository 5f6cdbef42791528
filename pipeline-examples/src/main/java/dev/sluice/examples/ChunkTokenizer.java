package dev.sluice.examples;

import dev.sluice.api.BatchProcessor;
import dev.sluice.api.ByteView;
import dev.sluice.api.ChunkReader;
import dev.sluice.api.CountTable;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.RecordWriter;
import java.io.IOException;

/**
 * Counts the words of the file chunks {@code file-chunks} hands out: each worker reads its own chunks
 * (so reading is spread over the workers) and counts them in a {@link CountTable}; at the end of a claim
 * it writes each word once with its count.
 */
public final class ChunkTokenizer implements BatchProcessor {
    private final CountTable counts = new CountTable(1 << 16);
    private final ChunkReader files = new ChunkReader();

    @Override
    public void process(RecordBatch chunks, RecordWriter out) throws IOException {
        while (chunks.next()) {
            ByteView text = files.read(chunks.record());
            Words.count(text, 0, text.length(), counts);
        }
    }

    @Override
    public void flush(RecordWriter out) {
        counts.writeTo(out);
        counts.clear();
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
