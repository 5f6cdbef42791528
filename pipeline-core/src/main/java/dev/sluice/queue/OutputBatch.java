package dev.sluice.queue;

import dev.sluice.api.ByteView;
import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import dev.sluice.api.RecordOutput;
import dev.sluice.api.RecordTooLargeException;
import dev.sluice.api.RecordWriter;
import dev.sluice.config.QueueSettings;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Records a stage has produced since its last append, encoded off-heap, each length-prefixed; plus
 * the header of the document they will become. One batch becomes one document, atomically, so a batch
 * never grows past what a document holds: a record over {@code max-record-size} is refused, and one
 * that would not fit in the document marks the batch {@link #overflowed()}. Records come as objects
 * through the codec ({@link #emit(Object)}, the per-record API) or straight from a batch stage
 * ({@link RecordWriter}). For a stage read by a partitioned aggregate, records are kept in one section
 * per partition.
 */
public final class OutputBatch<T> implements Emitter<T>, RecordWriter, AutoCloseable {
    private final Bytes<?> staging = Bytes.allocateElasticDirect(64 * 1024);
    private final BytesRecordOutput output = new BytesRecordOutput(staging);
    private final Codec<T> codec;
    private final Sections sections;
    private final long maxRecordBytes;
    private final long capacity;
    public final DocumentHeader header = new DocumentHeader();
    private byte[] scratch = new byte[256];
    private long recordAt = -1;
    private boolean open;
    private boolean overflowed;
    private boolean refused;

    public OutputBatch(Codec<T> codec) {
        this(codec, QueueSettings.DEFAULT, 1);
    }

    public OutputBatch(Codec<T> codec, QueueSettings limits) {
        this(codec, limits, 1);
    }

    /**
     * @param codec      how {@link #emit(Object)} encodes records; null for a batch stage
     * @param partitions how many partitions this output's reader has: with more than one, records are
     *                   sorted into one section per partition by the hash of their key
     */
    public OutputBatch(Codec<T> codec, QueueSettings limits, int partitions) {
        this.codec = codec;
        this.sections = partitions > 1 ? new Sections(partitions) : null;
        this.maxRecordBytes = limits.maxRecordBytes();
        this.capacity = limits.documentCapacity() - DocumentHeader.LENGTH;
    }

    /**
     * @throws RecordTooLargeException if the encoded record is over {@code max-record-size}
     * @throws DocumentFullException   if it does not fit in this batch's document (then {@link #overflowed()})
     */
    @Override
    public void emit(T record) {
        emit(record, codec);
    }

    @Override
    public void emitLong(long value) {
        long at = start();
        staging.writeLong(value);
        end(at, null, -1);
    }

    @Override
    public void emitDouble(double value) {
        long at = start();
        staging.writeDouble(value);
        end(at, null, -1);
    }

    @Override
    public void emitBytes(byte[] bytes, int offset, int length) {
        long at = start();
        staging.write(bytes, offset, length);
        end(at, null, -1);
    }
    @Override
    public void emitBytes(ByteView bytes, int offset, int length) {
        long at = start();
        writeView(bytes, offset, length);
        end(at, null, -1);
    }

    @Override
    public void emitKeyCount(ByteView key, int offset, int length, long count) {
        long at = start();
        writeView(key, offset, length);
        staging.writeLong(count);
        end(at, null, length);
    }

    /**
     * @throws RecordTooLargeException if the encoded record is over {@code max-record-size}
     * @throws DocumentFullException   if it does not fit in this batch's document (then {@link #overflowed()})
     */
    @Override
    public <R> void emit(R record, Codec<R> recordCodec) {
        long at = start();
        try {
            recordCodec.encode(record, output);
        } catch (RuntimeException e) {
            staging.writePosition(at);
            throw e;
        }
        end(at, recordCodec, -1);
    }

    @Override
    public RecordOutput begin() {
        recordAt = start();
        return output;
    }

    @Override
    public void end() {
        if (recordAt < 0) {
            throw new IllegalStateException("end() without begin()");
        }
        end(recordAt, null, -1);
        recordAt = -1;
    }

    private long start() {
        if (overflowed) {
            throw new DocumentFullException(full());
        }
        long at = staging.writePosition();
        staging.writeInt(0);
        return at;
    }

    private void end(long at, Codec<?> keyCodec, int keyLength) {
        long length = staging.writePosition() - at - Integer.BYTES;
        if (length > maxRecordBytes) {
            staging.writePosition(at);
            refused = true;
            throw RecordTooLargeException.of("a record", length, maxRecordBytes);
        }
        if (bytes() > capacity) {
            staging.writePosition(at);
            overflowed = true;
            throw new DocumentFullException(full());
        }
        staging.writeInt(at, (int) length);
        header.recordCount++;
        if (sections != null) {
            sections.route(staging, at, (int) length, keyCodec, keyLength);
        }
    }

    private void writeView(ByteView bytes, int offset, int length) {
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        bytes.copyTo(offset, scratch, 0, length);
        staging.write(scratch, 0, length);
    }

    private String full() {
        return "a queue document holds at most " + capacity + " bytes of records";
    }

    /** Starts a batch answering to input documents from {@code inputFrom} of {@code inputQueue}. */
    public void begin(int inputQueue, long inputFrom, long originFrom, long originEpochNanos) {
        staging.clear();
        if (sections != null) {
            sections.clear();
        }
        header.kind = sections != null ? DocumentKind.SECTIONS : DocumentKind.DATA;
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

    /** Bytes the batch's records take so far (in the document, sections included). */
    public long bytes() {
        return staging.readRemaining() + (sections == null ? 0 : sections.extraBytes());
    }

    /** Whether enough bytes are here to append them now ({@link QueueSettings#BATCH_BYTES}). */
    public boolean isFull() {
        return bytes() >= QueueSettings.BATCH_BYTES;
    }

    /** Whether a record was refused because the document was full: the batch holds the records before it. */
    public boolean overflowed() {
        return overflowed;
    }

    /** Whether a record was refused as over {@code max-record-size} since {@link #begin}. */
    public boolean refusedRecord() {
        return refused;
    }

    /** Writes the records (after the header) into a document: {@link #bytes()} bytes. */
    void writeRecordsTo(Bytes<?> out) {
        if (sections != null) {
            sections.writeTo(out, staging);
        } else {
            out.write(staging, staging.readPosition(), staging.readRemaining());
        }
    }

    void finished() {
        open = false;
    }

    @Override
    public void close() {
        staging.releaseLast();
        if (sections != null) {
            sections.close();
        }
    }
}
