package dev.sluice.runtime;

import dev.sluice.api.Stage;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;

/** Instantiates a stage's class, from Sluice's class path or the pipeline's own {@code class-path}. */
final class StageFactory {
    private StageFactory() {
    }

    static Stage create(PipelineConfig config, StageConfig stage) throws ReflectiveOperationException {
        Class<?> type = Class.forName(stage.className(), true, config.stageLoader());
        return (Stage) type.getDeclaredConstructor().newInstance();
    }
}
