package dev.sluice.runtime;

import dev.sluice.api.BatchProcessor;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
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
 * One worker of a parallel stage. Workers share the input by claiming ranges of input documents (a
 * compare-and-set on a counter in the control file, like Pool's chunksize, sized by {@link ClaimSizer});
 * each worker reads past documents others claimed and processes its own. A claim's outputs are
 * appended as one document (the processor's {@code flush}, a combiner, runs once per claim), so the
 * output says exactly which inputs it answers to; a claim whose input runs dry, or whose output grows
 * large, appends what it has so far.
 */
final class ParallelAgent implements StageAgent {
    /** Output beyond this many bytes is appended at the next input document boundary. */
    static final long MAX_OUTPUT_BYTES = 2L << 20;

    private final BatchProcessor processor;
    private final SlotContext context;
    private final List<ClaimedInput> inputs;
    private final DocumentWriter writer;
    private final OutputBatch<Object> batch;
    private final ClaimSizer sizer;
    private final AtomicCounter recordsIn;
    private final AtomicCounter recordsOut;
    private final AtomicCounter docsIn;
    private final AtomicCounter docsOut;
    private final AtomicCounter bytesOut;
    private final ClaimLedger ledger;
    private final BiPredicate<Integer, Long> coveredBySibling;
    private final RecordErrors errors;
    private final DocumentDelivery delivery;
    private final DocumentDelivery.BatchCall process;
    private final PoisonGuard poison;
    private final Backpressure backpressure;
    private final FirstRecord firstRecord;
    private ClaimedInput current;
    private long claimFrom;
    private long claimTo;
    private int claimDocs;
    private long claimNanos;
    private long claimBytes;
    private int nextInput;
    private boolean done;

    ParallelAgent(BatchProcessor processor, SlotContext context, List<ClaimedInput> inputs, DocumentWriter writer,
                  SlotCounters counters, ClaimLedger ledger, BiPredicate<Integer, Long> coveredBySibling,
                  RecordErrors errors, Backpressure backpressure) {
        this.processor = processor;
        this.context = context;
        this.inputs = inputs;
        this.writer = writer;
        this.batch = new OutputBatch<>(null, writer.partitions());
        this.sizer = new ClaimSizer(context.stage().claimSize());
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
        this.poison = new PoisonGuard(counters, context.stage().poisonAfter());
        this.delivery = new DocumentDelivery(poison, errors);
        this.process = records -> processor.process(records, batch);
    }

    @Override
    public void onStart() throws Exception {
        processor.open(context);
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
        if (progress >= claim.to()) {
            ledger.release();
            return;
        }
        startClaim(inputs.get(claim.queue()), progress, claim.to());
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
                endClaim(false);
            } else if (header.docSeq < claimFrom) {
                reader.done();
            } else {
                processDocument(reader);
                if (header.docSeq >= claimTo - 1) {
                    endClaim(true);
                } else if (batch.byteCount() > MAX_OUTPUT_BYTES) {
                    appendBatch();
                }
            }
        }
        if (work == 0 && current != null && batch.isOpen()) {
            appendBatch(); // the input ran dry mid-claim: pass on what we have rather than wait with it
        }
        return work;
    }

    private boolean claimNext() {
        for (int i = 0; i < inputs.size(); i++) {
            ClaimedInput input = inputs.get((nextInput + i) % inputs.size());
            if (!input.ended) {
                nextInput = (input.index + 1) % inputs.size();
                int size = sizer.next();
                ClaimLedger.Claim claim = ledger.claim(input.index, input.claims, size, size);
                startClaim(input, claim.from(), claim.to());
                return true;
            }
        }
        return false;
    }

    private void startClaim(ClaimedInput input, long from, long to) {
        current = input;
        claimFrom = from;
        claimTo = to;
        claimDocs = 0;
        claimNanos = 0;
        claimBytes = 0;
    }

    private void endClaim(boolean release) throws Exception {
        appendBatch();
        sizer.measured(claimDocs, claimNanos, claimBytes);
        if (release) {
            ledger.release();
        }
        current = null;
    }

    private void processDocument(DocumentReader reader) throws Exception {
        long started = System.nanoTime();
        DocumentHeader header = reader.header;
        if (batch.isOpen() && batch.header.originEnd() != header.originFrom) {
            appendBatch(); // an output document covers one contiguous origin range, so ordered merges stay exact
        }
        if (!batch.isOpen()) {
            batch.begin(current.index, header.docSeq, header.originFrom, header.originEpochNanos);
        }
        int records = reader.recordCount();
        long originCount = header.originCount;
        delivery.deliver(reader, current.index, process);
        reader.done();
        batch.header.inputCount++;
        batch.header.originCount += originCount;
        recordsIn.getAndAddRelease(records);
        docsIn.incrementRelease();
        firstRecord.mark();
        claimDocs++;
        claimNanos += System.nanoTime() - started;
    }

    private void appendBatch() throws Exception {
        if (!batch.isOpen()) {
            return;
        }
        long started = System.nanoTime();
        processor.flush(batch);
        int records = batch.recordCount();
        long bytes = writer.append(batch);
        claimBytes += bytes;
        claimNanos += System.nanoTime() - started;
        bytesOut.getAndAddRelease(bytes);
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
