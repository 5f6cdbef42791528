package dev.sluice.api;

/**
 * The parallel stage: stateless, one input record to 0..n output records, run by N worker
 * processes, like Python's {@code Pool.map}. A processor may combine within a batch (a MapReduce
 * combiner): keep partial results in {@link #process} and emit them in {@link #flush}.
 */
public interface Processor<I, O> extends Stage {
    Codec<I> inputCodec();

    Codec<O> outputCodec();

    void process(I record, Emitter<O> out) throws Exception;

    /** End of a batch: emit anything combined since the last flush; keep no state past it. */
    default void flush(Emitter<O> out) throws Exception {
    }
}
