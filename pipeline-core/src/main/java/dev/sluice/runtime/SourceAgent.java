package dev.sluice.runtime;

import dev.sluice.api.MalformedRecordException;
import dev.sluice.api.Source;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.metrics.DocumentMetrics;
import dev.sluice.queue.DocumentHeader;
import dev.sluice.queue.DocumentKind;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import org.agrona.concurrent.status.AtomicCounter;

/** Runs a {@link Source}: each read becomes one document; exhaustion becomes END. */
final class SourceAgent implements StageAgent {
    private final Source<Object> source;
    private final SlotContext context;
    private final DocumentWriter writer;
    private OutputBatch<Object> batch;
    private final int batchMax;
    private final AtomicCounter recordsOut;
    private final AtomicCounter docsOut;
    private final AtomicCounter bytesOut;
    private final Backpressure backpressure;
    private final FirstRecord firstRecord;
    private final RecordErrors errors;
    private final DocumentMetrics documents;
    private boolean done;

    @SuppressWarnings("unchecked")
    SourceAgent(Source<?> source, SlotContext context, DocumentWriter writer, SlotCounters counters,
                Backpressure backpressure, RecordErrors errors, DocumentMetrics documents) {
        this.source = (Source<Object>) source;
        this.context = context;
        this.writer = writer;
        this.batchMax = context.stage().batchMax();
        this.recordsOut = counters.get(SlotField.RECORDS_OUT);
        this.docsOut = counters.get(SlotField.DOCS_OUT);
        this.bytesOut = counters.get(SlotField.BYTES_OUT);
        this.backpressure = backpressure;
        this.firstRecord = new FirstRecord(counters);
        this.errors = errors;
        this.documents = documents;
    }

    @Override
    public void onStart() throws Exception {
        source.open(context);
        batch = new OutputBatch<>(source.outputCodec()); // codecs may depend on options read in open
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
        long started = System.nanoTime();
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
        documents.read(started, records > 0);
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
            if (batch != null) {
                batch.close();
            }
        }
    }
}
