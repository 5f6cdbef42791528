package dev.sluice.api;

/**
 * An {@link Aggregate} that takes a whole input document at once and reads its records in place:
 * no object per record. Finishing, snapshots and merging work as they do for any aggregate.
 */
public interface BatchAggregate extends Aggregate<RecordBatch> {
    /** Not used: a batch aggregate reads its records as {@link ByteView}s. */
    @Override
    default Codec<RecordBatch> inputCodec() {
        throw new UnsupportedOperationException(getClass().getName() + " reads records in place, not through a codec");
    }

    /** Every record of one input document (for a partition: its section of it). */
    @Override
    void accept(RecordBatch records) throws Exception;
}
