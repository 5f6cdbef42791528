package dev.sluice.metrics;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.counters.InputField;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What waits on each input edge of a stage (from stage {@code input} to stage {@code stage}): what the input's
 * workers have written less what the stage has consumed of their queues, in documents and records.
 */
public final class Backlogs {
    /** One edge's backlog. */
    public record Edge(String stage, String input, long documents, long records) {
    }

    private Backlogs() {
    }

    public static List<Edge> of(PipelineConfig config, RunSnapshot snapshot) {
        List<Edge> edges = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            int stageIndex = config.indexOf(stage.name());
            int queue = 0;
            for (String input : stage.inputs()) {
                long docs = 0;
                long records = 0;
                for (SlotStatus writer : snapshot.byStage().getOrDefault(input, List.of())) {
                    docs += Math.max(0, writer.get(SlotField.DOCS_OUT) - snapshot.consumed(stageIndex, queue, InputField.DOCS));
                    records += Math.max(0, writer.get(SlotField.RECORDS_OUT)
                            - snapshot.consumed(stageIndex, queue, InputField.RECORDS));
                    queue++;
                }
                edges.add(new Edge(stage.name(), input, docs, records));
            }
        }
        return edges;
    }

    /** Everything waiting for {@code stage}, over all its inputs: documents and records. */
    public static long[] waitingFor(List<Edge> edges, String stage) {
        long[] sum = new long[2];
        for (Edge edge : edges) {
            if (edge.stage().equals(stage)) {
                sum[0] += edge.documents();
                sum[1] += edge.records();
            }
        }
        return sum;
    }
}
