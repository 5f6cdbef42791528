package dev.sluice.queue;

import dev.sluice.api.ByteView;
import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import dev.sluice.api.RecordOutput;
import dev.sluice.api.RecordWriter;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Records a stage has produced since its last append, encoded off-heap, each length-prefixed; plus
 * the header of the document they will become. One batch becomes one document, atomically. Records
 * come as objects through the codec ({@link #emit(Object)}, the per-record API) or straight from a batch
 * stage ({@link RecordWriter}). For a stage read by a partitioned aggregate, records are kept in one
 * section per partition.
 */
public final class OutputBatch<T> implements Emitter<T>, RecordWriter, AutoCloseable {
    private final Bytes<?> staging = Bytes.allocateElasticDirect(64 * 1024);
    private final BytesRecordOutput output = new BytesRecordOutput(staging);
    private final Codec<T> codec;
    private final Sections sections;
    public final DocumentHeader header = new DocumentHeader();
    private byte[] scratch = new byte[256];
    private long recordAt = -1;
    private boolean open;

    public OutputBatch(Codec<T> codec) {
        this(codec, 1);
    }

    /**
     * @param codec      how {@link #emit(Object)} encodes records; null for a batch stage
     * @param partitions how many partitions this output's reader has: with more than one, records are
     *                   sorted into one section per partition by the hash of their key
     */
    public OutputBatch(Codec<T> codec, int partitions) {
        this.codec = codec;
        this.sections = partitions > 1 ? new Sections(partitions) : null;
    }

    @Override
    public void emit(T record) {
        long at = start();
        codec.encode(record, output);
        end(at, codec, -1);
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
        long at = staging.writePosition();
        staging.writeInt(length); // known in advance: no length to patch afterwards
        staging.write(bytes, offset, length);
        header.recordCount++;
        if (sections != null) {
            sections.route(staging, at, length, null, -1);
        }
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

    @Override
    public <R> void emit(R record, Codec<R> recordCodec) {
        long at = start();
        recordCodec.encode(record, output);
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
        long at = staging.writePosition();
        staging.writeInt(0);
        return at;
    }

    private void end(long at, Codec<?> keyCodec, int keyLength) {
        int length = (int) (staging.writePosition() - at - Integer.BYTES);
        staging.writeInt(at, length);
        header.recordCount++;
        if (sections != null) {
            sections.route(staging, at, length, keyCodec, keyLength);
        }
    }

    private void writeView(ByteView bytes, int offset, int length) {
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        bytes.copyTo(offset, scratch, 0, length);
        staging.write(scratch, 0, length);
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
    }

    public boolean isOpen() {
        return open;
    }

    public int recordCount() {
        return header.recordCount;
    }

    /** Bytes the batch's records take so far. */
    public long byteCount() {
        return staging.readRemaining() + (sections == null ? 0 : sections.extraBytes());
    }

    /** Writes the records (after the header) into a document. */
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
