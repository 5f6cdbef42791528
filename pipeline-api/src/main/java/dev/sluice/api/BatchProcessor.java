package dev.sluice.api;

/**
 * A {@link Processor} that takes a whole input document at once and reads its records in place
 * (the vectorised path): no object per record in, none per record out. Run by N worker processes
 * like any parallel stage.
 *
 * <p>A record that throws is handled by the stage's {@code on-error} policy like any other: the runtime
 * calls {@link #process} again with the same batch, positioned after that record.
 */
public interface BatchProcessor extends Stage {
    void process(RecordBatch input, RecordWriter out) throws Exception;

    /**
     * End of a claim (the input documents a worker took at once): emit anything combined since the
     * last flush and keep no state past it. A MapReduce combiner's scope is thus the whole claim.
     */
    default void flush(RecordWriter out) throws Exception {
    }
}
