package dev.sluice.runtime;

import dev.sluice.api.Aggregate;
import dev.sluice.api.CheckpointListener;
import dev.sluice.api.Codec;
import dev.sluice.api.ResultFiles;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.metrics.DocumentMetrics;
import dev.sluice.queue.DocumentReader;
import java.nio.file.Path;
import java.util.List;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/** Runs an {@link Aggregate}: every record of every input, then {@code finish()} once all inputs ended. */
final class AggregateAgent implements StageAgent {
    private final Aggregate<Object> aggregate;
    private final CheckpointListener listener;
    private Codec<Object> codec;
    private final SlotContext context;
    private final List<DocumentReader> readers;
    private final InputMerge merge;
    private final Path resultFile;
    private final AtomicCounter recordsIn;
    private final AtomicCounter docsIn;
    private final DocumentReader.RecordHandler<Object> accept;
    private final AggregateCheckpoint checkpoint;
    private final long snapshotEveryMillis;
    private long nextSnapshotMillis;
    private boolean snapshots = true;
    private final RecordErrors errors;
    private final PoisonGuard poison;
    private int inFlightQueue;
    private long inFlightDoc;
    private DocumentReader inFlight;
    private final List<AtomicCounter> positions;
    private final FirstRecord firstRecord;
    private final DocumentMetrics documents;
    private boolean done;

    @SuppressWarnings("unchecked")
    AggregateAgent(Aggregate<?> aggregate, SlotContext context, List<DocumentReader> readers, Path resultFile,
                   Path snapshotFile, SlotCounters counters, RecordErrors errors, List<AtomicCounter> positions,
                   DocumentMetrics documents) {
        this.aggregate = (Aggregate<Object>) aggregate;
        this.listener = aggregate instanceof CheckpointListener l ? l : null;
        this.context = context;
        this.readers = readers;
        this.merge = context.stage().ordered() ? new OrderedMerge(readers) : new UnorderedMerge(readers);
        this.resultFile = resultFile;
        this.recordsIn = counters.get(SlotField.RECORDS_IN);
        this.docsIn = counters.get(SlotField.DOCS_IN);
        this.errors = errors;
        this.positions = positions;
        this.firstRecord = new FirstRecord(counters);
        this.documents = documents;
        this.poison = new PoisonGuard(counters, context.stage().poisonAfter());
        this.accept = record -> {
            poison.check(inFlightQueue, inFlightDoc, inFlight.recordIndex());
            this.aggregate.accept(record);
        };
        this.checkpoint = new AggregateCheckpoint(snapshotFile);
        this.snapshotEveryMillis = context.stage().snapshotEveryMillis();
    }

    @Override
    public void onStart() throws Exception {
        aggregate.open(context);
        codec = aggregate.inputCodec(); // may depend on options read in open
        if (checkpoint.exists()) {
            recordsIn.setRelease(checkpoint.load(aggregate, readers, merge));
            for (int q = 0; q < readers.size(); q++) {
                positions.get(q).setRelease(readers.get(q).position());
            }
            context.logger().info("resumed from snapshot: {} records in", recordsIn.get());
        } else {
            recordsIn.setRelease(0); // a restart without a snapshot replays everything
        }
        nextSnapshotMillis = System.currentTimeMillis() + snapshotEveryMillis;
    }

    @Override
    public int doWork() throws Exception {
        DocumentReader reader = merge.next();
        if (reader != null) {
            documents.taken(reader.header);
            int records = reader.header.recordCount;
            inFlight = reader;
            inFlightQueue = readers.indexOf(reader);
            inFlightDoc = reader.header.docSeq;
            poison.enter(inFlightQueue, inFlightDoc);
            errors.at(inFlightQueue, inFlightDoc);
            reader.records(codec, accept, errors);
            poison.leave();
            reader.done();
            positions.get(inFlightQueue).setRelease(reader.position());
            recordsIn.getAndAddRelease(records);
            docsIn.incrementRelease();
            firstRecord.mark();
            documents.processed(inFlightQueue, reader.header, reader.documentLength());
            maybeSnapshot();
            return 1;
        }
        if (merge.allEnded()) {
            Object value = aggregate.finish();
            if (listener != null) { // the state after finish covers every input: save it, then commit
                save();
            }
            writeResult(String.valueOf(value));
            done = true;
            return 1;
        }
        return 0;
    }

    private void maybeSnapshot() throws Exception {
        boolean wanted = listener != null && listener.checkpointWanted();
        if (snapshots && (wanted || System.currentTimeMillis() >= nextSnapshotMillis)) {
            save();
            if (!snapshots) {
                context.logger().info("{} does not snapshot: a restart replays its inputs from the start",
                        aggregate.getClass().getName());
            }
            nextSnapshotMillis = System.currentTimeMillis() + snapshotEveryMillis;
        }
    }

    private void save() throws Exception {
        snapshots = checkpoint.save(aggregate, readers, merge, recordsIn.get());
        if (snapshots) {
            poison.progressed();
            if (listener != null) {
                listener.checkpointSaved();
            }
        }
    }

    private void writeResult(String value) throws Exception {
        ResultFiles.writeAtomically(resultFile, out -> out.write(value));
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void onClose() throws Exception {
        try {
            aggregate.close();
        } finally {
            CloseHelper.closeAll(readers);
            errors.close();
        }
    }
}
