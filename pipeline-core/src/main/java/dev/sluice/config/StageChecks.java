package dev.sluice.config;

import dev.sluice.api.ConfigException;
import dev.sluice.api.Stage;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every stage's {@link Stage#validate} hook on an instance made for the purpose, before anything
 * starts, and reports every problem at once.
 */
public final class StageChecks {
    private StageChecks() {
    }

    public static void check(PipelineConfig config) {
        List<String> problems = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(config.stageLoader()); // what a stage loads by name (a codec, say) is found too
        try {
            for (StageConfig stage : config.stages()) {
                check(stage, config.stageLoader(), problems);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
    }

    private static void check(StageConfig stage, ClassLoader loader, List<String> problems) {
        try {
            Stage instance = (Stage) Class.forName(stage.className(), true, loader).getDeclaredConstructor()
                    .newInstance();
            instance.validate(stage.options());
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        } catch (InvocationTargetException e) {
            problems.add(stage.location() + ": stage '" + stage.name() + "': " + stage.className()
                    + " could not be created: " + e.getCause());
        } catch (LinkageError e) {
            problems.add(stage.location() + ": stage '" + stage.name() + "': "
                    + StageClasses.unloadable(stage.className(), e).getMessage());
        } catch (Exception e) {
            problems.add(stage.location() + ": stage '" + stage.name() + "': " + e);
        }
    }
}
