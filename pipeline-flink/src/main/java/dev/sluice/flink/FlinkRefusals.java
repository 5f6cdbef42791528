package dev.sluice.flink;

import dev.sluice.api.ConfigException;
import dev.sluice.config.ErrorPolicy;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.SharedConfig;
import dev.sluice.config.StageConfig;
import java.util.ArrayList;
import java.util.List;

/** What a pipeline may use on one machine only, refused before a Flink job is built, each at its file:line:column. */
final class FlinkRefusals {
    private FlinkRefusals() {
    }

    static void check(PipelineConfig config) {
        List<String> problems = new ArrayList<>();
        for (SharedConfig shared : config.shared()) {
            problems.add(shared.location() + ": shared: " + shared.type().yamlName() + " '" + shared.name()
                    + "' is one machine's memory and cannot run on Flink; keep such state in an aggregate,"
                    + " or run on the local engine");
        }
        for (StageConfig stage : config.stages()) {
            if (stage.embedded()) {
                problems.add(stage.location() + ": stage '" + stage.name() + "': embedded: true hands the stage to"
                        + " another JVM on this machine; on Flink every stage runs inside the job");
            }
            if (stage.partitions() > 1) {
                problems.add(stage.location() + ": stage '" + stage.name() + "': partitions: " + stage.partitions()
                        + " runs one process per partition on this machine; on Flink an aggregate runs as one"
                        + " operator: use partitions: 1, or the local engine");
            }
            if (stage.settings().onError() == ErrorPolicy.DEAD_LETTER) {
                problems.add(stage.location() + ": stage '" + stage.name() + "': on-error: dead-letter writes to the"
                        + " run directory's dead-letter queues, which a Flink job does not have; use fail or skip");
            }
        }
        if (config.flink().checkpointIntervalMillis() < 10) {
            problems.add(config.configFile() + ": flink: checkpoint-interval must be at least 10ms");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
    }
}
