package dev.sluice.runtime;

import dev.sluice.api.BatchAggregate;
import dev.sluice.api.CheckpointListener;
import dev.sluice.api.ResultFiles;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.metrics.DocumentMetrics;
import dev.sluice.queue.DocumentReader;
import java.nio.file.Path;
import java.util.List;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Runs an aggregate (or one partition of a partitioned one): every record of every input, then
 * {@code finish()} once all inputs ended. A partition saves its final state instead, and partition 0
 * merges them all and finishes ({@link PartitionMerge}).
 */
final class AggregateAgent implements StageAgent {
    /** Snapshots that cost more than this ... */
    private static final long CHEAP_SNAPSHOT_NANOS = 10_000_000;
    /** ... cost at most one part in this many of an aggregate's work. */
    private static final long SNAPSHOT_WORK_FACTOR = 9;

    private final BatchAggregate aggregate;
    private final CheckpointListener listener;
    private final SlotContext context;
    private final List<DocumentReader> readers;
    private final InputMerge merge;
    private final Path resultFile;
    private final AtomicCounter recordsIn;
    private final AtomicCounter docsIn;
    private final AggregateCheckpoint checkpoint;
    private final PartitionMerge partitions;
    private final long snapshotEveryMillis;
    private long nextSnapshotMillis;
    private long busyNanos;
    /** Whether documents were taken in since the last snapshot. */
    private boolean unsaved;
    private long lastSnapshotNanos;
    private final boolean snapshots;
    private final RecordErrors errors;
    private final DocumentDelivery delivery;
    private final DocumentDelivery.BatchCall accept;
    private final PoisonGuard poison;
    private final List<AtomicCounter> positions;
    private final FirstRecord firstRecord;
    private final DocumentMetrics documents;
    private final EpochClock clock;
    private boolean merging;
    private boolean done;

    AggregateAgent(BatchAggregate aggregate, SlotContext context, List<DocumentReader> readers, Path resultFile,
                   Path snapshotFile, SlotCounters counters, RecordErrors errors, List<AtomicCounter> positions,
                   PartitionMerge partitions, DocumentMetrics documents, EpochClock clock) {
        this.aggregate = aggregate;
        this.listener = PerRecordStages.unwrap(aggregate) instanceof CheckpointListener l ? l : null;
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
        this.poison = new PoisonGuard(counters, context.stage().settings().poisonAfter());
        this.delivery = new DocumentDelivery(poison, errors);
        this.accept = aggregate::accept;
        this.checkpoint = new AggregateCheckpoint(snapshotFile);
        this.partitions = partitions;
        this.snapshotEveryMillis = context.stage().settings().snapshotEveryMillis();
        this.snapshots = aggregate.snapshots();
        this.clock = clock;
    }

    @Override
    public void onStart() throws Exception {
        aggregate.open(context);
        if (partitions.finalSaved()) { // a restart after this partition's inputs had ended
            done = !partitions.merges();
            if (!done) {
                partitions.restoreFinal(aggregate);
                merging = true;
                context.logger().info("inputs had ended: merging the partitions' final states");
            }
            return;
        }
        if (checkpoint.exists()) {
            recordsIn.setRelease(checkpoint.load(aggregate, readers, merge));
            for (int q = 0; q < readers.size(); q++) {
                positions.get(q).setRelease(readers.get(q).position());
            }
            context.logger().info("resumed from snapshot: {} records in", recordsIn.get());
        } else {
            recordsIn.setRelease(0); // a restart without a snapshot replays everything
        }
        if (!snapshots) {
            context.logger().info("{} does not snapshot: a restart replays its inputs from the start",
                    PerRecordStages.unwrap(aggregate).getClass().getName());
        }
        nextSnapshotMillis = clock.time() + snapshotEveryMillis;
    }

    @Override
    public int doWork() throws Exception {
        if (merging) {
            if (!partitions.othersSaved()) {
                return 0;
            }
            partitions.mergeOthers(aggregate);
            finish();
            return 1;
        }
        DocumentReader reader = merge.next();
        if (reader != null) {
            documents.taken(reader.header);
            long started = System.nanoTime();
            int records = reader.recordCount();
            int queue = readers.indexOf(reader);
            delivery.deliver(reader, queue, accept);
            reader.done();
            busyNanos += System.nanoTime() - started;
            recordsIn.getAndAddRelease(records);
            docsIn.incrementRelease();
            // after the counters: the position frees the writer (max-lag), whose next document must not be seen
            // before this one is counted in (or a lag of max-lag + 1 is read from outside)
            positions.get(queue).setRelease(reader.position());
            firstRecord.mark();
            documents.processed(queue, reader.header, reader.documentLength());
            unsaved = true;
            maybeSnapshot();
            return 1;
        }
        if (merge.allEnded()) {
            if (!partitions.partitioned()) {
                finish();
            } else {
                partitions.saveFinal(aggregate);
                poison.progressed();
                merging = partitions.merges();
                done = !merging;
            }
            return 1;
        }
        if (unsaved) {
            // the input has paused: what came before it is saved when due too, not only once more arrives (an
            // embedded aggregate run in slices that took all there was at once would never save, and start over)
            maybeSnapshot();
        }
        return 0;
    }

    private void finish() throws Exception {
        String value = String.valueOf(aggregate.finish());
        if (listener != null && snapshots) { // the state after finish covers every input: save it, then commit
            save();
        }
        ResultFiles.writeAtomically(resultFile, out -> out.write(value));
        done = true;
    }

    /**
     * Saves state and positions every {@code snapshot-every}; but when a snapshot is costly, only once the
     * work done since it is nine times what it cost: a large state (a word count's table) fed slowly is not
     * written over and over for little progress, and snapshots cost at most a tenth of the work. An
     * aggregate that asks for a checkpoint ({@link CheckpointListener}) gets one at once.
     */
    private void maybeSnapshot() throws Exception {
        long now = clock.time();
        boolean worthIt = lastSnapshotNanos <= CHEAP_SNAPSHOT_NANOS || busyNanos >= SNAPSHOT_WORK_FACTOR * lastSnapshotNanos;
        boolean wanted = listener != null && listener.checkpointWanted();
        if (snapshots && (wanted || now >= nextSnapshotMillis && worthIt)) {
            long started = System.nanoTime();
            save();
            lastSnapshotNanos = System.nanoTime() - started;
            busyNanos = 0;
            unsaved = false;
            nextSnapshotMillis = clock.time() + snapshotEveryMillis;
        }
    }

    private void save() throws Exception {
        checkpoint.save(aggregate, readers, merge, recordsIn.get());
        poison.progressed();
        if (listener != null) {
            listener.checkpointSaved();
        }
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
