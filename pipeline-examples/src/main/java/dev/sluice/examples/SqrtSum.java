package dev.sluice.examples;

import dev.sluice.api.BatchProcessor;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.RecordWriter;

/**
 * For each n, the sum of sqrt(i) for 0 <= i < n: the classic CPU-bound multiprocessing demo. Tasks and
 * results are read and written as primitive longs and doubles: no boxing.
 */
public final class SqrtSum implements BatchProcessor {
    @Override
    public void process(RecordBatch tasks, RecordWriter out) {
        while (tasks.next()) {
            long n = tasks.record().asLong();
            double sum = 0;
            for (long i = 0; i < n; i++) {
                sum += Math.sqrt(i);
            }
            out.emitDouble(sum);
        }
    }
}
