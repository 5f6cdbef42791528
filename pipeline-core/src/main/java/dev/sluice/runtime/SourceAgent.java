package dev.sluice.runtime;

import dev.sluice.api.BatchSource;
import dev.sluice.api.MalformedRecordException;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.queue.DocumentHeader;
import dev.sluice.queue.DocumentKind;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import org.agrona.concurrent.status.AtomicCounter;

/** Runs a source: each read becomes one document; exhaustion becomes END. */
final class SourceAgent implements StageAgent {
    private final BatchSource source;
    private final SlotContext context;
    private final DocumentWriter writer;
    private final OutputBatch<Object> batch;
    private final int batchMax;
    private final AtomicCounter recordsOut;
    private final AtomicCounter docsOut;
    private final AtomicCounter bytesOut;
    private final Backpressure backpressure;
    private final FirstRecord firstRecord;
    private final RecordErrors errors;
    private boolean done;

    SourceAgent(BatchSource source, SlotContext context, DocumentWriter writer, SlotCounters counters,
                Backpressure backpressure, RecordErrors errors) {
        this.source = source;
        this.context = context;
        this.writer = writer;
        this.batch = new OutputBatch<>(null, writer.partitions());
        this.batchMax = context.stage().batchMax();
        this.recordsOut = counters.get(SlotField.RECORDS_OUT);
        this.docsOut = counters.get(SlotField.DOCS_OUT);
        this.bytesOut = counters.get(SlotField.BYTES_OUT);
        this.backpressure = backpressure;
        this.firstRecord = new FirstRecord(counters);
        this.errors = errors;
    }

    @Override
    public void onStart() throws Exception {
        source.open(context);
        DocumentHeader last = writer.last();
        if (last != null) { // a restart: continue after the last batch the previous process appended
            if (last.kind == DocumentKind.END) {
                done = true;
            } else {
                source.seek(last.sourcePosition);
                context.logger().info("resuming after document {} at source position {}", last.docSeq,
                        last.sourcePosition);
            }
        }
    }

    @Override
    public int doWork() throws Exception {
        long seq = writer.nextDocSeq();
        if (backpressure.holds(seq)) {
            return 0;
        }
        batch.begin(-1, seq, seq, EpochNanos.now());
        boolean more;
        try {
            more = source.read(batch, batchMax);
        } catch (MalformedRecordException e) { // the source is past it: the policy decides, the batch goes on
            errors.onSourceError(seq, batch.recordCount(), e);
            more = true;
        }
        int records = batch.recordCount();
        if (records > 0) {
            batch.header.inputCount = 1;
            batch.header.originCount = 1;
            batch.header.sourcePosition = source.position();
            bytesOut.getAndAddRelease(writer.append(batch));
            recordsOut.getAndAddRelease(records);
            docsOut.incrementRelease();
            firstRecord.mark();
        }
        if (!more) {
            writer.appendEnd();
            done = true;
        }
        return records > 0 || !more ? 1 : 0;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void onClose() throws Exception {
        try (writer; errors) {
            source.close();
        } finally {
            batch.close();
        }
    }
}
