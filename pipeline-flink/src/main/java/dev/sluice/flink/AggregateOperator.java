package dev.sluice.flink;

import dev.sluice.api.BatchAggregate;
import dev.sluice.api.ResultFiles;
import dev.sluice.api.Stage;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.runtime.PerRecordStages;
import dev.sluice.runtime.RunLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * An aggregate stage: parallelism 1, every record of every input, then {@code finish()} at the end of
 * input. Its operator state holds {@code snapshot()}'s bytes, taken at each checkpoint, and a restored
 * operator gives them to {@code restore()}. An aggregate that cannot snapshot keeps the batches it took
 * in state instead and replays them on restore, as a local one replays its inputs from the start.
 */
final class AggregateOperator extends AbstractStreamOperator<String>
        implements OneInputStreamOperator<byte[], String>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final PipelineSpec spec;
    private final String stageName;
    private transient BatchAggregate aggregate;
    private transient RecordBatch.BatchCall accept;
    private transient boolean snapshots;
    private transient RecordPolicy policy;
    private transient StageCounts counts;
    private transient ListState<byte[]> state;
    private transient List<byte[]> restored;
    private transient PipelineConfig config;

    AggregateOperator(PipelineSpec spec, String stageName) {
        this.spec = spec;
        this.stageName = stageName;
    }

    /** The accumulator that carries {@code finish()}'s value back to the client. */
    static String valueAccumulator(String stage) {
        return "sluice.value." + stage;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        counts = new StageCounts(getRuntimeContext(), stageName);
        counts.initialize(context.getOperatorStateStore(), context.isRestored());
        state = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("snapshot", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        restored = new ArrayList<>();
        if (context.isRestored()) {
            state.get().forEach(restored::add);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        config = spec.load();
        StageConfig stage = config.stage(stageName);
        FlinkStageContext context = new FlinkStageContext(config, stage, 0, 1);
        Stage instance = StageClassLoading.instantiate(stage);
        aggregate = PerRecordStages.aggregate(instance);
        aggregate.open(context);
        accept = aggregate::accept;
        snapshots = aggregate.snapshots();
        policy = new RecordPolicy(stage, 0, context.logger());
        if (snapshots) {
            for (byte[] bytes : restored) {
                aggregate.restore(new ByteArrayInputStream(bytes));
            }
        } else {
            for (byte[] batch : restored) {
                accept(batch);
            }
            context.logger().info("{} does not snapshot: its state keeps the batches it took, {} replayed",
                    instance.getClass().getName(), restored.size());
        }
        restored = null;
    }

    @Override
    public void processElement(StreamRecord<byte[]> element) throws Exception {
        byte[] batch = element.getValue();
        accept(batch);
        counts.add(RecordBatch.count(batch), 0);
        if (!snapshots) {
            state.add(batch);
        }
    }

    private void accept(byte[] batch) throws Exception {
        RecordBatch.deliver(batch, accept, policy);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        counts.snapshot();
        if (snapshots) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            aggregate.snapshot(bytes);
            state.update(List.of(bytes.toByteArray()));
        }
    }

    @Override
    public void endInput() throws Exception {
        String value = String.valueOf(aggregate.finish());
        Path result = new RunLayout(config.runDirectory()).result(stageName);
        Files.createDirectories(result.getParent());
        ResultFiles.writeAtomically(result, out -> out.write(value));
        ListAccumulator<String> accumulator = new ListAccumulator<>();
        accumulator.add(value);
        getRuntimeContext().addAccumulator(valueAccumulator(stageName), accumulator);
        output.collect(new StreamRecord<>(value));
    }

    @Override
    public void close() throws Exception {
        try {
            if (aggregate != null) {
                aggregate.close();
            }
        } finally {
            super.close();
        }
    }
}
