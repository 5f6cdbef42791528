package dev.sluice.flink;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipeline as a Flink job, stage by stage: a source is a Source (API v2) of parallelism 1; a
 * parallel stage is {@code rebalance()} and a flat-map with parallelism {@code workers}; an aggregate is
 * an operator of parallelism 1, behind an ordered merge when {@code ordered: true}. Every operator's
 * uid is its stage's name, so a checkpoint maps back onto the same stages.
 */
final class JobTopology {
    static final TypeInformation<byte[]> BATCHES = PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;

    private JobTopology() {
    }

    static void define(StreamExecutionEnvironment env, PipelineConfig config, PipelineSpec spec) {
        Map<String, DataStream<byte[]>> outputs = new HashMap<>();
        for (StageConfig stage : config.stages()) { // sorted: every stage after its inputs
            String name = stage.name();
            switch (stage.kind()) {
                case SOURCE -> outputs.put(name, env
                        .fromSource(new StageSource(spec, name), WatermarkStrategy.noWatermarks(), name, BATCHES)
                        .uid(name).setParallelism(1));
                case PARALLEL -> outputs.put(name, inputs(stage, outputs).rebalance()
                        .flatMap(new ProcessorFunction(spec, name), BATCHES)
                        .name(name).uid(name).setParallelism(stage.workers()));
                case AGGREGATE -> {
                    DataStream<byte[]> input = inputs(stage, outputs);
                    if (stage.ordered()) {
                        input = input.transform(name + " (ordered merge)", BATCHES, new OrderedMergeOperator(name))
                                .uid(name + ".ordered-merge").setParallelism(1).setMaxParallelism(1);
                    }
                    input.transform(name, Types.STRING, new AggregateOperator(spec, name))
                            .uid(name).setParallelism(1).setMaxParallelism(1);
                }
            }
        }
    }

    private static DataStream<byte[]> inputs(StageConfig stage, Map<String, DataStream<byte[]>> outputs) {
        DataStream<byte[]> first = outputs.get(stage.inputs().get(0));
        if (stage.inputs().size() == 1) {
            return first;
        }
        @SuppressWarnings("unchecked")
        DataStream<byte[]>[] rest = stage.inputs().subList(1, stage.inputs().size()).stream()
                .map(outputs::get).toArray(DataStream[]::new);
        return first.union(rest);
    }
}
