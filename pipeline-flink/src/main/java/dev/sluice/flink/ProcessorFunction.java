package dev.sluice.flink;

import dev.sluice.api.BatchProcessor;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.runtime.PerRecordStages;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.util.Collector;

/**
 * A parallel stage's worker: one subtask per {@code workers}. Each input batch becomes one output batch
 * with the same origin (even an empty one, so an ordered merge downstream never waits for it), and the
 * processor's {@code flush} ends every batch, as at the end of a local worker's batch: its combiner
 * holds nothing across batches, so it needs no state of its own.
 */
final class ProcessorFunction extends RichFlatMapFunction<byte[], byte[]> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    private final PipelineSpec spec;
    private final String stageName;
    private transient BatchProcessor processor;
    private transient RecordBatch.Writer batch;
    private transient RecordBatch.BatchCall process;
    private transient RecordPolicy policy;
    private transient StageCounts counts;

    ProcessorFunction(PipelineSpec spec, String stageName) {
        this.spec = spec;
        this.stageName = stageName;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        counts = new StageCounts(getRuntimeContext(), stageName);
        counts.initialize(context.getOperatorStateStore(), context.isRestored());
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        PipelineConfig config = spec.load();
        StageConfig stage = config.stage(stageName);
        int worker = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        FlinkStageContext context = new FlinkStageContext(config, stage, worker,
                getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
        processor = PerRecordStages.processor(StageClassLoading.instantiate(stage));
        processor.open(context);
        batch = new RecordBatch.Writer();
        process = records -> processor.process(records, batch);
        policy = new RecordPolicy(stage, worker, context.logger());
    }

    @Override
    public void flatMap(byte[] input, Collector<byte[]> out) throws Exception {
        batch.start(RecordBatch.origin(input));
        RecordBatch.deliver(input, process, policy);
        processor.flush(batch);
        counts.add(RecordBatch.count(input), batch.count());
        out.collect(batch.finish());
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        counts.snapshot();
    }

    @Override
    public void close() throws Exception {
        if (processor != null) {
            processor.close();
        }
    }
}
