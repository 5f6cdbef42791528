package dev.sluice.flink;

import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * {@code ordered: true}: puts the batches of parallel workers back into source order (Pool.map order).
 * Every source batch has a dense number that each batch descending from it carries, so the merge passes
 * on the batch whose number comes next and buffers the others until it does. Parallelism 1; the buffer
 * and the next number are checkpointed with it.
 */
final class OrderedMergeOperator extends AbstractStreamOperator<byte[]>
        implements OneInputStreamOperator<byte[], byte[]>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final String stageName;
    private transient TreeMap<Long, byte[]> waiting;
    private transient long next;
    private transient ListState<byte[]> waitingState;
    private transient ListState<Long> nextState;

    OrderedMergeOperator(String stageName) {
        this.stageName = stageName;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        waitingState = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("waiting", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        nextState = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("next", BasicTypeInfo.LONG_TYPE_INFO));
        waiting = new TreeMap<>();
        for (byte[] batch : waitingState.get()) {
            waiting.put(RecordBatch.origin(batch), batch);
        }
        for (Long restored : nextState.get()) {
            next = restored;
        }
    }

    @Override
    public void processElement(StreamRecord<byte[]> element) {
        byte[] batch = element.getValue();
        long origin = RecordBatch.origin(batch);
        if (origin != next) {
            waiting.put(origin, batch);
            return;
        }
        output.collect(element);
        next++;
        for (byte[] ready = waiting.remove(next); ready != null; ready = waiting.remove(next)) {
            output.collect(new StreamRecord<>(ready));
            next++;
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        waitingState.update(List.copyOf(waiting.values()));
        nextState.update(List.of(next));
    }

    @Override
    public void endInput() {
        if (!waiting.isEmpty()) {
            throw new IllegalStateException("stage '" + stageName + "': ordered merge ended waiting for source batch "
                    + next + " with " + waiting.size() + " later batches buffered");
        }
    }
}
