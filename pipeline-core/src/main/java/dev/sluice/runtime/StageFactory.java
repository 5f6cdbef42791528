package dev.sluice.runtime;

import dev.sluice.api.Stage;
import dev.sluice.config.StageConfig;

/** Instantiates a stage's class. */
final class StageFactory {
    private StageFactory() {
    }

    static Stage create(StageConfig stage) throws ReflectiveOperationException {
        Class<?> type = Class.forName(stage.className(), true, Thread.currentThread().getContextClassLoader());
        return (Stage) type.getDeclaredConstructor().newInstance();
    }
}
