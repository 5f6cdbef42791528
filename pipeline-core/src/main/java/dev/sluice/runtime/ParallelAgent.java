package dev.sluice.runtime;

import dev.sluice.api.Codec;
import dev.sluice.api.Processor;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.metrics.DocumentMetrics;
import dev.sluice.queue.DocumentHeader;
import dev.sluice.queue.DocumentKind;
import dev.sluice.queue.DocumentReader;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import java.util.List;
import java.util.function.BiPredicate;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * One worker of a parallel stage. Workers share the input by claiming ranges of input documents
 * ({@code getAndAdd(claim-size)} on a counter in the control file, like Pool's chunksize); each
 * worker reads past documents others claimed and processes its own. A claim's outputs are appended
 * as one document, so the output says exactly which inputs it answers to.
 */
final class ParallelAgent implements StageAgent {
    private final Processor<Object, Object> processor;
    private Codec<Object> inputCodec;
    private final SlotContext context;
    private final List<ClaimedInput> inputs;
    private final DocumentWriter writer;
    private OutputBatch<Object> batch;
    private final int claimSize;
    private final AtomicCounter recordsIn;
    private final AtomicCounter recordsOut;
    private final AtomicCounter docsIn;
    private final AtomicCounter docsOut;
    private final AtomicCounter bytesOut;
    private final ClaimLedger ledger;
    private final BiPredicate<Integer, Long> coveredBySibling;
    private final DocumentReader.RecordHandler<Object> process;
    private final RecordErrors errors;
    private final PoisonGuard poison;
    private final Backpressure backpressure;
    private final FirstRecord firstRecord;
    private final DocumentMetrics documents;
    private long inFlightDoc;
    private ClaimedInput current;
    private long claimFrom;
    private long claimTo;
    private int nextInput;
    private boolean done;

    @SuppressWarnings("unchecked")
    ParallelAgent(Processor<?, ?> processor, SlotContext context, List<ClaimedInput> inputs, DocumentWriter writer,
                  SlotCounters counters, ClaimLedger ledger, BiPredicate<Integer, Long> coveredBySibling,
                  RecordErrors errors, Backpressure backpressure, DocumentMetrics documents) {
        this.processor = (Processor<Object, Object>) processor;
        this.context = context;
        this.inputs = inputs;
        this.writer = writer;
        this.claimSize = context.stage().claimSize();
        this.recordsIn = counters.get(SlotField.RECORDS_IN);
        this.recordsOut = counters.get(SlotField.RECORDS_OUT);
        this.docsIn = counters.get(SlotField.DOCS_IN);
        this.docsOut = counters.get(SlotField.DOCS_OUT);
        this.bytesOut = counters.get(SlotField.BYTES_OUT);
        this.ledger = ledger;
        this.coveredBySibling = coveredBySibling;
        this.errors = errors;
        this.backpressure = backpressure;
        this.firstRecord = new FirstRecord(counters);
        this.documents = documents;
        this.poison = new PoisonGuard(counters, context.stage().poisonAfter());
        this.process = record -> {
            poison.check(current.index, inFlightDoc, current.reader.recordIndex());
            this.processor.process(record, batch);
        };
    }

    @Override
    public void onStart() throws Exception {
        processor.open(context);
        inputCodec = processor.inputCodec(); // codecs may depend on options read in open
        batch = new OutputBatch<>(processor.outputCodec());
        resume();
    }

    /** After a restart: finish the claim the previous process of this slot held, from where its output ends. */
    private void resume() {
        DocumentHeader last = writer.last();
        if (last != null && last.kind == DocumentKind.END) {
            done = true;
            return;
        }
        ClaimLedger.Claim claim = ledger.recover(inputs.stream().map(i -> i.claims).toList(), coveredBySibling);
        if (claim == null) {
            return;
        }
        long progress = claim.from();
        if (last != null && last.inputQueue == claim.queue() && last.inputFrom >= claim.from()) {
            progress = last.inputFrom + last.inputCount;
        }
        if (progress >= claim.from() + claimSize) {
            ledger.release();
            return;
        }
        current = inputs.get(claim.queue());
        claimFrom = progress;
        claimTo = claim.from() + claimSize;
        context.logger().info("resuming claim of input {} documents [{}, {}) at {}", claim.queue(), claim.from(),
                claimTo, progress);
    }

    @Override
    public int doWork() throws Exception {
        if (current == null && backpressure.holds(writer.nextDocSeq())) {
            return 0; // take no new input while the stages reading ours are max-lag behind
        }
        if (current == null && !claimNext()) {
            writer.appendEnd();
            done = true;
            return 1;
        }
        int work = 0;
        DocumentReader reader = current.reader;
        while (current != null && reader.next()) {
            work++;
            DocumentHeader header = reader.header;
            if (header.kind == DocumentKind.END) {
                reader.done();
                current.ended = true;
                appendBatch();
                current = null;
            } else if (header.docSeq < claimFrom) {
                reader.done();
            } else {
                processDocument(reader);
                if (header.docSeq >= claimTo - 1) {
                    appendBatch();
                    ledger.release();
                    current = null;
                }
            }
        }
        return work;
    }

    private boolean claimNext() {
        for (int i = 0; i < inputs.size(); i++) {
            ClaimedInput input = inputs.get((nextInput + i) % inputs.size());
            if (!input.ended) {
                nextInput = (input.index + 1) % inputs.size();
                current = input;
                claimFrom = ledger.claim(input.index, input.claims, claimSize).from();
                claimTo = claimFrom + claimSize;
                return true;
            }
        }
        return false;
    }

    private void processDocument(DocumentReader reader) throws Exception {
        DocumentHeader header = reader.header;
        documents.taken(header);
        if (batch.isOpen() && batch.header.originEnd() != header.originFrom) {
            appendBatch(); // an output document covers one contiguous origin range, so ordered merges stay exact
        }
        if (!batch.isOpen()) {
            batch.begin(current.index, header.docSeq, header.originFrom, header.originEpochNanos);
        }
        int records = header.recordCount;
        long originCount = header.originCount;
        inFlightDoc = header.docSeq;
        poison.enter(current.index, inFlightDoc);
        errors.at(current.index, inFlightDoc);
        reader.records(inputCodec, process, errors);
        poison.left();
        reader.done();
        batch.header.inputCount++;
        batch.header.originCount += originCount;
        recordsIn.getAndAddRelease(records);
        docsIn.incrementRelease();
        firstRecord.mark();
        documents.processed(current.index, header, reader.documentLength());
    }

    private void appendBatch() throws Exception {
        if (!batch.isOpen()) {
            return;
        }
        processor.flush(batch);
        int records = batch.recordCount();
        bytesOut.getAndAddRelease(writer.append(batch));
        recordsOut.getAndAddRelease(records);
        docsOut.incrementRelease();
        poison.progressed();
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void onClose() throws Exception {
        try {
            processor.close();
        } finally {
            CloseHelper.closeAll(batch, writer, errors);
            CloseHelper.closeAll(inputs);
        }
    }
}
