package dev.sluice.runtime;

import dev.sluice.api.Options;
import dev.sluice.api.StageContext;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.rundir.RunLayout;
import dev.sluice.shared.SharedStateFile;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link StageContext} of one slot (stage, worker). */
record SlotContext(PipelineConfig config, StageConfig stage, int workerIndex, Path runDirectory) implements StageContext {
    public String pipelineName() { return config.name(); }

    public String stageName() { return stage.name(); }

    public int workerCount() { return stage.workers(); }

    public Options options() { return stage.options(); }

    public long maxRecordSize() { return config.queues().maxRecordBytes(); }

    public Logger logger() { return LoggerFactory.getLogger("sluice." + stage.name() + "-" + workerIndex); }

    public dev.sluice.api.SharedState shared() {
        return SharedStateFile.open(new RunLayout(runDirectory).sharedState(), config);
    }
}
