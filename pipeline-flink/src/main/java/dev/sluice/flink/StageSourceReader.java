package dev.sluice.flink;

import dev.sluice.api.BatchSource;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.runtime.PerRecordStages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Runs the Sluice source of its split: each poll reads up to {@code batch-max} records into one
 * {@link RecordBatch}, numbered densely. A checkpoint stores {@code position()} after the last batch
 * emitted; a restored reader seeks there, so every record is emitted exactly once into the job's state.
 */
final class StageSourceReader implements SourceReader<byte[], PositionSplit> {
    private final PipelineSpec spec;
    private final String stageName;
    private final SourceReaderContext context;
    private final Queue<PositionSplit> assigned = new ArrayDeque<>();
    private final RecordBatch.Writer batch = new RecordBatch.Writer();
    private CompletableFuture<Void> availability = new CompletableFuture<>();
    private boolean noMoreSplits;
    private BatchSource source;
    private int batchMax;
    private long nextOrigin;

    StageSourceReader(PipelineSpec spec, String stageName, SourceReaderContext context) {
        this.spec = spec;
        this.stageName = stageName;
        this.context = context;
    }

    @Override
    public void start() {
        if (assigned.isEmpty()) {
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<byte[]> output) throws Exception {
        if (source == null) {
            PositionSplit split = assigned.poll();
            if (split == null) {
                if (noMoreSplits) {
                    return InputStatus.END_OF_INPUT;
                }
                if (availability.isDone()) {
                    availability = new CompletableFuture<>();
                }
                return InputStatus.NOTHING_AVAILABLE;
            }
            open(split);
        }
        batch.start(nextOrigin);
        boolean more = source.read(batch, batchMax);
        if (batch.count() > 0) {
            output.collect(batch.finish());
            nextOrigin++;
        }
        if (!more) {
            closeSource();
            return InputStatus.END_OF_INPUT;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private void open(PositionSplit split) throws Exception {
        PipelineConfig config = spec.load();
        StageConfig stage = config.stage(stageName);
        source = PerRecordStages.source(StageClassLoading.instantiate(stage));
        source.open(new FlinkStageContext(config, stage, 0, 1));
        batchMax = stage.settings().batchMax();
        nextOrigin = split.nextOrigin();
        if (split.resumed()) {
            source.seek(split.position());
        }
    }

    @Override
    public List<PositionSplit> snapshotState(long checkpointId) {
        List<PositionSplit> splits = new ArrayList<>();
        if (source != null) {
            splits.add(new PositionSplit(stageName, true, source.position(), nextOrigin));
        }
        splits.addAll(assigned);
        return splits;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return availability;
    }

    @Override
    public void addSplits(List<PositionSplit> splits) {
        assigned.addAll(splits);
        availability.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        availability.complete(null);
    }

    private void closeSource() throws Exception {
        BatchSource open = source;
        source = null;
        open.close();
    }

    @Override
    public void close() throws Exception {
        if (source != null) {
            closeSource();
        }
    }
}
