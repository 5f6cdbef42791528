package dev.sluice.examples.bench;

import dev.sluice.api.BatchProcessor;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.RecordWriter;

/** Passes every number on, read in place: a worker that costs nothing, so a pipeline measures its transport alone. */
public final class Passthrough implements BatchProcessor {
    public void process(RecordBatch numbers, RecordWriter out) {
        while (numbers.next()) {
            out.emitLong(numbers.record().asLong());
        }
    }
}
