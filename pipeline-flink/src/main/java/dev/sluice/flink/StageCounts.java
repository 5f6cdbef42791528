package dev.sluice.flink;

import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;

/**
 * A stage's records in and out as Flink accumulators (what progress lines and the run summary show),
 * kept in operator state too: a task restored from a checkpoint starts with fresh accumulators, so it
 * adds back what the checkpoint counted and the totals match the local engine's.
 */
final class StageCounts {
    private static final String PREFIX = "sluice.";

    private final LongCounter in;
    private final LongCounter out;
    private ListState<long[]> state;

    StageCounts(RuntimeContext context, String stage) {
        this.in = context.getLongCounter(name(stage, "in"));
        this.out = context.getLongCounter(name(stage, "out"));
    }

    /** The accumulator that counts {@code direction} ("in" or "out") of {@code stage}. */
    static String name(String stage, String direction) {
        return PREFIX + direction + "." + stage;
    }

    void initialize(OperatorStateStore store, boolean restored) throws Exception {
        state = store.getListState(new ListStateDescriptor<>("sluice-record-counts",
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        if (restored) {
            for (long[] counted : state.get()) {
                in.add(counted[0]);
                out.add(counted[1]);
            }
        }
    }

    void snapshot() throws Exception {
        state.update(List.of(new long[] {in.getLocalValue(), out.getLocalValue()}));
    }

    void add(long recordsIn, long recordsOut) {
        in.add(recordsIn);
        out.add(recordsOut);
    }
}
