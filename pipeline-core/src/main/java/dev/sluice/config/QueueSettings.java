package dev.sluice.config;

/**
 * How stage queues are kept ({@code queues:} in YAML): Chronicle roll cycle ({@code 1s} is for tests,
 * {@code 5m}, {@code 1h}, {@code 1d}), whether cycles every reader has passed are kept ({@code retain: true})
 * or deleted, and the largest record ({@code max-record-size}) a queue must carry.
 *
 * <p>A document (one appended batch) is cut once it holds {@link #BATCH_BYTES} or {@code batch-max} records,
 * so it can reach {@code max-record-size + BATCH_BYTES}. Chronicle's largest message is a quarter of its
 * block size (the overlap of two mappings; at most 1 GB), so the block size is the smallest power of two
 * that holds such a document: 16 MB for records up to about 3 MB, 2 GB for the default 256 MB. Queue files
 * are sparse, so a large block costs address space, not disk.
 */
public record QueueSettings(QueueRollCycle rollCycle, boolean retain, long maxRecordBytes) {
    public static final long DEFAULT_MAX_RECORD_BYTES = 256L << 20;
    public static final long MIN_MAX_RECORD_BYTES = 1L << 10;
    public static final long MAX_MAX_RECORD_BYTES = 1000L << 20;
    /** A batch is appended once its records take this many bytes, even before {@code batch-max} records. */
    public static final long BATCH_BYTES = 1L << 20;
    public static final QueueSettings DEFAULT = new QueueSettings(QueueRollCycle.HOURLY, false, DEFAULT_MAX_RECORD_BYTES);

    private static final long MIN_BLOCK_SIZE = 16L << 20;
    private static final long HEADROOM = 64L << 10;

    /** Chronicle block size: a quarter of it holds the largest document. */
    public long blockSize() {
        long needed = 4 * (maxRecordBytes + BATCH_BYTES + HEADROOM);
        return Math.max(MIN_BLOCK_SIZE, Long.highestOneBit(needed - 1) << 1);
    }

    /** The most bytes one document may hold: Chronicle's largest message for {@link #blockSize()}, less headroom. */
    public long documentCapacity() {
        return Math.min(blockSize() / 4, 1L << 30) - HEADROOM;
    }
}
