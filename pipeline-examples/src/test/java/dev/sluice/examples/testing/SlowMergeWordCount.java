package dev.sluice.examples.testing;

import dev.sluice.api.BatchAggregate;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.StageContext;
import dev.sluice.stages.WordCountAggregate;
import java.io.InputStream;
import java.io.OutputStream;

/** The built-in {@code word-count}, pausing {@code merge-pause-ms} before merging a partition: a window to kill the last step in. */
public final class SlowMergeWordCount implements BatchAggregate {
    private final WordCountAggregate counts = new WordCountAggregate();
    private long pauseMs;

    @Override
    public void open(StageContext context) {
        counts.open(context);
        pauseMs = context.options().getLong("merge-pause-ms", 0);
    }

    public void accept(RecordBatch records) { counts.accept(records); }

    public Object finish() throws Exception { return counts.finish(); }

    public void snapshot(OutputStream out) throws Exception { counts.snapshot(out); }

    public void restore(InputStream in) throws Exception { counts.restore(in); }

    public void merge(InputStream otherSnapshot) throws Exception {
        Thread.sleep(pauseMs);
        counts.merge(otherSnapshot);
    }
}
