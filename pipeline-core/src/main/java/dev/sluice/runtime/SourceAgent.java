package dev.sluice.runtime;

import dev.sluice.api.BatchSource;
import dev.sluice.api.MalformedRecordException;
import dev.sluice.api.RecordTooLargeException;
import dev.sluice.config.QueueSettings;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.metrics.DocumentMetrics;
import dev.sluice.queue.DocumentHeader;
import dev.sluice.queue.DocumentKind;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Runs a source: each read becomes one document; exhaustion becomes END. A read asks for at most
 * {@code batch-max} records, and fewer when records are large, so that a document stays near
 * {@link QueueSettings#BATCH_BYTES}; a read that emits more than a document holds is done again, from the
 * same position, for the records that fit.
 */
final class SourceAgent implements StageAgent {
    private final BatchSource source;
    private final SlotContext context;
    private final DocumentWriter writer;
    private final OutputBatch<Object> batch;
    private final int batchMax;
    private int readMax;
    private final AtomicCounter recordsOut;
    private final AtomicCounter docsOut;
    private final AtomicCounter bytesOut;
    private final Backpressure backpressure;
    private final FirstRecord firstRecord;
    private final RecordErrors errors;
    private final DocumentMetrics documents;
    private boolean done;

    SourceAgent(BatchSource source, SlotContext context, DocumentWriter writer, SlotCounters counters,
                Backpressure backpressure, RecordErrors errors, DocumentMetrics documents) {
        this.source = source;
        this.context = context;
        this.writer = writer;
        this.batch = new OutputBatch<>(null, context.config().queues(), writer.partitions());
        this.batchMax = context.stage().settings().batchMax();
        this.readMax = batchMax;
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
        long position = source.position();
        boolean more = read(seq, readMax);
        while (batch.overflowed()) {
            source.seek(position);
            more = read(seq, Math.max(1, batch.recordCount()));
        }
        int records = batch.recordCount();
        if (records > 0) {
            readMax = (int) Math.max(1, Math.min(batchMax, QueueSettings.BATCH_BYTES * records / Math.max(1, batch.bytes())));
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

    private boolean read(long seq, int max) throws Exception {
        batch.begin(-1, seq, seq, EpochNanos.now());
        try {
            return source.read(batch, max);
        } catch (MalformedRecordException e) { // the source is past it: the policy decides, the batch goes on
            errors.onSourceError(seq, batch.recordCount(), e);
            return true;
        } catch (RecordTooLargeException e) {
            if (!batch.refusedRecord()) {
                throw e; // the source's own report, which says where the record is
            }
            throw new RecordTooLargeException("source '" + context.stageName() + "', the record after source position "
                    + source.position() + ": " + e.getMessage());
        } catch (Exception e) {
            if (batch.overflowed()) {
                return true; // read again for fewer records
            }
            throw e;
        }
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
