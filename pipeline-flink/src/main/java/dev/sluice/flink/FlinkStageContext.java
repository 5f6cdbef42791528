package dev.sluice.flink;

import dev.sluice.api.Options;
import dev.sluice.api.SharedState;
import dev.sluice.api.StageContext;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stage's {@link StageContext} inside a Flink task: worker index and count are the subtask's. */
record FlinkStageContext(PipelineConfig config, StageConfig stage, int workerIndex, int workerCount)
        implements StageContext {
    public String pipelineName() { return config.name(); }

    public String stageName() { return stage.name(); }

    public Options options() { return stage.options(); }

    public Logger logger() { return LoggerFactory.getLogger("sluice." + stage.name() + "-" + workerIndex); }

    public Path runDirectory() { return config.runDirectory(); }

    public SharedState shared() {
        throw new UnsupportedOperationException("stage '" + stage.name() + "': shared state is one machine's memory;"
                + " it does not exist on Flink");
    }
}
