package dev.sluice.runtime;

import dev.sluice.api.BatchProcessor;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.metrics.DocumentMetrics;
import dev.sluice.queue.DocumentHeader;
import dev.sluice.queue.DocumentKind;
import dev.sluice.queue.DocumentReader;
import dev.sluice.queue.DocumentFullException;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import dev.sluice.queue.TornDocumentException;
import java.util.ArrayDeque;
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
    private final DocumentMetrics documents;
    private ClaimedInput current;
    private long claimFrom;
    private long claimTo;
    private int claimDocs;
    private long claimNanos;
    private long claimBytes;
    /** Whether {@code current} is the ledger's claim (released when done), or a range redone after a restart. */
    private boolean ownClaim;
    private long expectedDoc;
    private final ArrayDeque<Range> resumed = new ArrayDeque<>();
    private int nextInput;
    private boolean done;

    ParallelAgent(BatchProcessor processor, SlotContext context, List<ClaimedInput> inputs, DocumentWriter writer,
                  SlotCounters counters, ClaimLedger ledger, BiPredicate<Integer, Long> coveredBySibling,
                  RecordErrors errors, Backpressure backpressure, DocumentMetrics documents) {
        this.processor = processor;
        this.context = context;
        this.inputs = inputs;
        this.writer = writer;
        this.batch = new OutputBatch<>(null, context.config().queues(), writer.partitions());
        this.sizer = new ClaimSizer(context.stage().settings().claimSize());
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
        this.poison = new PoisonGuard(counters, context.stage().settings().poisonAfter());
        this.delivery = new DocumentDelivery(poison, errors);
        this.process = records -> processor.process(records, batch);
    }

    @Override
    public void onStart() throws Exception {
        processor.open(context);
        resume();
    }

    /**
     * After a restart: redo what torn documents at the end of our queue answered to (readers skip them),
     * then finish the claim the previous process of this slot held, from where its output ends.
     */
    private void resume() {
        DocumentHeader last = writer.last();
        if (last != null && last.kind == DocumentKind.END) {
            done = true;
            return;
        }
        if (writer.abandonedUnknown()) {
            throw new TornDocumentException("queue of " + context.stageName() + "-" + context.workerIndex()
                    + " ends with a document torn so badly that what it answered to is unknown; the run cannot "
                    + "continue exactly (was its disk full, or did the machine crash?)");
        }
        ClaimLedger.Claim claim = ledger.recover(inputs.stream().map(i -> i.claims).toList(), coveredBySibling);
        for (DocumentHeader torn : writer.abandoned()) {
            boolean partOfClaim = claim != null && torn.inputQueue == claim.queue() && torn.inputFrom >= claim.from();
            if (torn.kind == DocumentKind.DATA && torn.inputCount > 0 && !partOfClaim) {
                resumed.add(new Range(torn.inputQueue, torn.inputFrom, torn.inputFrom + torn.inputCount, false));
                context.logger().info("redoing input {} documents [{}, {}): their output document was torn",
                        torn.inputQueue, torn.inputFrom, torn.inputFrom + torn.inputCount);
            }
        }
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
        resumed.add(new Range(claim.queue(), progress, claim.to(), true));
        context.logger().info("resuming claim of input {} documents [{}, {}) at {}", claim.queue(), claim.from(),
                claim.to(), progress);
    }

    /** Input documents {@code [from, to)} of input {@code queue}. */
    private record Range(int queue, long from, long to, boolean claimed) {
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
        reader.skipBefore(claimFrom); // past what the siblings claimed, or what a dead predecessor did: headers only
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
                if (header.docSeq != expectedDoc) {
                    throw new IllegalStateException("input " + current.index + " document " + expectedDoc
                            + " is gone (its cycle file was deleted); found document " + header.docSeq);
                }
                expectedDoc++;
                processDocument(reader);
                if (header.docSeq >= claimTo - 1) {
                    endClaim(true);
                }
            }
        }
        if (work == 0 && current != null && batch.isOpen()) {
            appendBatch(); // the input ran dry mid-claim: pass on what we have rather than wait with it
        }
        return work;
    }

    private boolean claimNext() {
        Range range = resumed.poll();
        if (range != null) {
            startClaim(inputs.get(range.queue()), range.from(), range.to(), range.claimed());
            return true;
        }
        for (int i = 0; i < inputs.size(); i++) {
            ClaimedInput input = inputs.get((nextInput + i) % inputs.size());
            if (!input.ended) {
                nextInput = (input.index + 1) % inputs.size();
                int size = sizer.next();
                ClaimLedger.Claim claim = ledger.claim(input.index, input.claims, size, size);
                startClaim(input, claim.from(), claim.to(), true);
                return true;
            }
        }
        return false;
    }

    private void startClaim(ClaimedInput input, long from, long to, boolean own) {
        current = input;
        claimFrom = from;
        claimTo = to;
        ownClaim = own;
        expectedDoc = from;
        claimDocs = 0;
        claimNanos = 0;
        claimBytes = 0;
    }

    private void endClaim(boolean release) throws Exception {
        appendBatch();
        sizer.measured(claimDocs, claimNanos, claimBytes);
        if (release && ownClaim) {
            ledger.release();
        }
        current = null;
    }

    private void processDocument(DocumentReader reader) throws Exception {
        long started = System.nanoTime();
        DocumentHeader header = reader.header;
        documents.taken(header);
        if (batch.isOpen() && (batch.header.originEnd() != header.originFrom || batch.isFull())) {
            // an output document covers one contiguous origin range, so ordered merges stay exact; and it is
            // cut by bytes as well as by batch-max, so it never grows past what a queue document holds
            appendBatch();
        }
        if (!batch.isOpen()) {
            batch.begin(current.index, header.docSeq, header.originFrom, header.originEpochNanos);
        }
        int records = reader.recordCount();
        int originCount = header.originCount;
        try {
            delivery.deliver(reader, current.index, process);
        } catch (DocumentFullException e) {
            throw new DocumentFullException("stage '" + context.stageName() + "' worker " + context.workerIndex()
                    + ": the outputs of input " + current.index + " document " + header.docSeq + " do not fit in"
                    + " one queue document; emit less per input document, lower batch-max upstream or raise"
                    + " queues.max-record-size", e);
        }
        reader.done();
        batch.header.inputCount++;
        batch.header.originCount += originCount;
        recordsIn.getAndAddRelease(records);
        docsIn.incrementRelease();
        firstRecord.mark();
        claimDocs++;
        claimNanos += System.nanoTime() - started;
        documents.processed(current.index, header, reader.documentLength());
    }

    private void appendBatch() throws Exception {
        if (!batch.isOpen()) {
            return;
        }
        long started = System.nanoTime();
        try {
            processor.flush(batch);
        } catch (DocumentFullException e) {
            throw new DocumentFullException("stage '" + context.stageName() + "' worker " + context.workerIndex()
                    + ": what flush emitted for input " + batch.header.inputQueue + " documents ["
                    + batch.header.inputFrom + ", " + (batch.header.inputFrom + batch.header.inputCount)
                    + ") does not fit in one queue document; emit less per batch or lower batch-max upstream", e);
        }
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
