package dev.sluice.flink;

import dev.sluice.api.Stage;
import dev.sluice.config.StageConfig;

/** Instantiates a stage's class with the task's user-code class loader (the job jar's classes). */
final class StageClassLoading {
    private StageClassLoading() {
    }

    static Stage instantiate(StageConfig stage) throws ReflectiveOperationException {
        Class<?> type = Class.forName(stage.className(), true, Thread.currentThread().getContextClassLoader());
        return (Stage) type.getDeclaredConstructor().newInstance();
    }
}
