package dev.sluice.supervisor;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.rundir.RunLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new run's stage processes, started as soon as its folders exist: their JVMs boot while this one writes the
 * run's files (the control file, run.properties) and readies its {@link Supervisor}, which then adopts them. A
 * stage process reads nothing of the run before its configuration comes on its standard input, and that is sent
 * once the files are written.
 */
public final class FirstLaunches {
    private static final long STOP_GRACE_MS = 5000;

    final ClassDataArchive classData;
    final StageCommand command;
    private final Map<String, ChildProcess> bySlot = new LinkedHashMap<>();

    private FirstLaunches(PipelineConfig config, RunLayout layout) {
        this.classData = new ClassDataArchive(config.workDir(), StageCommand.classPath(config));
        this.command = new StageCommand(config, layout, classData);
    }

    /** Starts a process for every slot of a new run that runs in a process of its own. */
    public static FirstLaunches start(PipelineConfig config, RunLayout layout) throws IOException {
        FirstLaunches first = new FirstLaunches(config, layout);
        try {
            for (StageConfig stage : config.stages()) {
                if (stage.embedded()) {
                    continue; // another JVM runs it
                }
                List<String> jvmOptions = stage.settings().jvmOptions();
                for (int w = 0; w < stage.workers(); w++) {
                    String slot = stage.name() + "-" + w;
                    first.bySlot.put(slot, ChildProcess.launch(first.command.build(jvmOptions, false), jvmOptions,
                            layout.logs(), slot));
                }
            }
        } catch (IOException | RuntimeException e) {
            first.stop();
            throw e;
        }
        return first;
    }

    /** The process started for {@code slot} ({@code <stage>-<worker>}), no longer held here; null if none. */
    ChildProcess take(String slot) {
        return bySlot.remove(slot);
    }

    /** Stops the processes no supervisor has taken (the run did not get that far); they have no slot to lose. */
    public void stop() {
        List<ChildProcess> left = new ArrayList<>(bySlot.values());
        bySlot.clear();
        left.forEach(c -> c.process.destroy());
        left.forEach(c -> c.stop(STOP_GRACE_MS));
    }
}
