package dev.sluice.supervisor;

import dev.sluice.config.StageConfig;
import dev.sluice.config.StageKind;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import dev.sluice.outcome.RunResult;
import dev.sluice.outcome.StageStats;
import dev.sluice.queue.DeadLetterQueue;
import dev.sluice.rundir.RunContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link RunResult} from a finished run's counters and result files. */
final class RunResults {
    private RunResults() {
    }

    static RunResult collect(RunContext run, long elapsedMillis) throws IOException {
        RunSnapshot snapshot = RunSnapshot.read(run.counters().reader());
        List<StageStats> stages = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (StageConfig stage : run.config().stages()) {
            List<SlotStatus> slots = snapshot.byStage().getOrDefault(stage.name(), List.of());
            long started = slots.stream().mapToLong(s -> s.get(SlotField.STARTED_MS)).min().orElse(0);
            long finished = slots.stream().mapToLong(s -> s.get(SlotField.FINISHED_MS)).max().orElse(0);
            stages.add(new StageStats(stage.name(), stage.workers(), snapshot.sum(stage.name(), SlotField.RECORDS_IN),
                    snapshot.sum(stage.name(), SlotField.RECORDS_OUT), Math.max(0, finished - started)));
            if (stage.kind() == StageKind.AGGREGATE && Files.exists(run.layout().result(stage.name()))) {
                values.put(stage.name(), Files.readString(run.layout().result(stage.name()), StandardCharsets.UTF_8));
            }
        }
        return new RunResult(run.config().name(), run.layout().dir(), elapsedMillis, stages, values,
                DeadLetterQueue.readAll(run.layout().dlq()).size(), run.config().supervision().failOnDeadLetters());
    }
}
