package dev.sluice.examples.testing;

import dev.sluice.api.BatchProcessor;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.RecordWriter;
import dev.sluice.api.StageContext;
import dev.sluice.examples.ChunkTokenizer;

/** The example chunk tokenizer, pausing {@code pause-ms} per input document. */
public final class SlowChunkTokenizer implements BatchProcessor {
    private final ChunkTokenizer tokenizer = new ChunkTokenizer();
    private long pauseMs;

    @Override
    public void open(StageContext context) {
        pauseMs = context.options().getLong("pause-ms", 1);
    }

    public void process(RecordBatch chunks, RecordWriter out) throws Exception {
        Thread.sleep(pauseMs);
        tokenizer.process(chunks, out);
    }

    public void flush(RecordWriter out) { tokenizer.flush(out); }

    @Override
    public void close() throws Exception { tokenizer.close(); }
}
