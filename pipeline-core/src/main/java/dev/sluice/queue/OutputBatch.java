package dev.sluice.queue;

import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import dev.sluice.api.RecordTooLargeException;
import dev.sluice.config.QueueSettings;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Records a stage has produced since its last append, encoded off-heap, each length-prefixed; plus
 * the header of the document they will become. One batch becomes one document, atomically, so a batch
 * never grows past what a document holds: a record over {@code max-record-size} is refused, and one
 * that would not fit in the document marks the batch {@link #overflowed()}.
 */
public final class OutputBatch<T> implements Emitter<T>, AutoCloseable {
    private final Bytes<?> staging = Bytes.allocateElasticDirect(64 * 1024);
    private final BytesRecordOutput output = new BytesRecordOutput(staging);
    private final Codec<T> codec;
    private final long maxRecordBytes;
    private final long capacity;
    public final DocumentHeader header = new DocumentHeader();
    private boolean open;
    private boolean overflowed;
    private boolean refused;

    public OutputBatch(Codec<T> codec) {
        this(codec, QueueSettings.DEFAULT);
    }

    public OutputBatch(Codec<T> codec, QueueSettings limits) {
        this.codec = codec;
        this.maxRecordBytes = limits.maxRecordBytes();
        this.capacity = limits.documentCapacity() - DocumentHeader.LENGTH;
    }

    /**
     * @throws RecordTooLargeException if the encoded record is over {@code max-record-size}
     * @throws DocumentFullException   if it does not fit in this batch's document (then {@link #overflowed()})
     */
    @Override
    public void emit(T record) {
        if (overflowed) {
            throw new DocumentFullException(full());
        }
        long lengthAt = staging.writePosition();
        staging.writeInt(0);
        try {
            codec.encode(record, output);
        } catch (RuntimeException e) {
            staging.writePosition(lengthAt);
            throw e;
        }
        long length = staging.writePosition() - lengthAt - Integer.BYTES;
        if (length > maxRecordBytes) {
            staging.writePosition(lengthAt);
            refused = true;
            throw RecordTooLargeException.of("a record", length, maxRecordBytes);
        }
        if (staging.writePosition() > capacity) {
            staging.writePosition(lengthAt);
            overflowed = true;
            throw new DocumentFullException(full());
        }
        staging.writeInt(lengthAt, (int) length);
        header.recordCount++;
    }

    private String full() {
        return "a queue document holds at most " + capacity + " bytes of records";
    }

    /** Starts a batch answering to input documents from {@code inputFrom} of {@code inputQueue}. */
    public void begin(int inputQueue, long inputFrom, long originFrom, long originEpochNanos) {
        staging.clear();
        header.kind = DocumentKind.DATA;
        header.inputQueue = inputQueue;
        header.inputFrom = inputFrom;
        header.inputCount = 0;
        header.originFrom = originFrom;
        header.originCount = 0;
        header.originEpochNanos = originEpochNanos;
        header.sourcePosition = 0;
        header.recordCount = 0;
        open = true;
        overflowed = false;
        refused = false;
    }

    public boolean isOpen() {
        return open;
    }

    public int recordCount() {
        return header.recordCount;
    }

    /** Bytes of records so far. */
    public long bytes() {
        return staging.writePosition();
    }

    /** Whether enough bytes are here to append them now ({@link QueueSettings#BATCH_BYTES}). */
    public boolean isFull() {
        return staging.writePosition() >= QueueSettings.BATCH_BYTES;
    }

    /** Whether a record was refused because the document was full: the batch holds the records before it. */
    public boolean overflowed() {
        return overflowed;
    }

    /** Whether a record was refused as over {@code max-record-size} since {@link #begin}. */
    public boolean refusedRecord() {
        return refused;
    }

    Bytes<?> records() {
        return staging;
    }

    void finished() {
        open = false;
    }

    @Override
    public void close() {
        staging.releaseLast();
    }
}
