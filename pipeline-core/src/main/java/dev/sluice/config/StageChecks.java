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

    public static void check(PipelineConfig config, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            try {
                Stage instance = (Stage) Class.forName(stage.className(), true, loader).getDeclaredConstructor()
                        .newInstance();
                instance.validate(stage.options());
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            } catch (InvocationTargetException e) {
                problems.add(stage.location() + ": stage '" + stage.name() + "': " + stage.className()
                        + " could not be created: " + e.getCause());
            } catch (Exception | LinkageError e) {
                problems.add(stage.location() + ": stage '" + stage.name() + "': " + e);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
    }
}
