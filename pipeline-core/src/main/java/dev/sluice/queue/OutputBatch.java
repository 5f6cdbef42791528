package dev.sluice.queue;

import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Records a stage has produced since its last append, encoded off-heap, each length-prefixed; plus
 * the header of the document they will become. One batch becomes one document, atomically.
 */
public final class OutputBatch<T> implements Emitter<T>, AutoCloseable {
    private final Bytes<?> staging = Bytes.allocateElasticDirect(64 * 1024);
    private final BytesRecordOutput output = new BytesRecordOutput(staging);
    private final Codec<T> codec;
    public final DocumentHeader header = new DocumentHeader();
    private boolean open;

    public OutputBatch(Codec<T> codec) {
        this.codec = codec;
    }

    @Override
    public void emit(T record) {
        long lengthAt = staging.writePosition();
        staging.writeInt(0);
        codec.encode(record, output);
        staging.writeInt(lengthAt, (int) (staging.writePosition() - lengthAt - 4));
        header.recordCount++;
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
    }

    public boolean isOpen() {
        return open;
    }

    public int recordCount() {
        return header.recordCount;
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
