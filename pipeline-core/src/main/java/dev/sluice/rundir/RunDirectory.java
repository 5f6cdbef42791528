package dev.sluice.rundir;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.counters.CounterSpec;
import dev.sluice.counters.RunCounters;
import dev.sluice.files.PrivateFiles;
import dev.sluice.queue.QueueFiles;
import dev.sluice.shared.SharedStateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Lays out a new run directory: first its folders, enough to start the stage processes in; then, while their JVMs
 * boot, what the supervisor needs before they get their configuration (the configuration as run, the control file
 * with every counter allocated), and then what their slots open (the shared state and every queue, so no stage
 * ever races another to create one).
 */
public final class RunDirectory {
    private RunDirectory() {
    }

    /** Creates a new run's directory and its folders, empty: enough to start its stage processes in. */
    public static RunLayout createFolders(PipelineConfig config) throws IOException {
        RunLayout layout = new RunLayout(config.runDirectory());
        if (Files.exists(layout.dir())) {
            throw new IOException("run directory " + layout.dir() + " already exists");
        }
        layout.create();
        return layout;
    }

    /** Writes what the supervisor needs before the stage processes get their configuration, in folders just made. */
    public static RunContext writeFiles(PipelineConfig config, RunLayout layout, Path baseDir) throws IOException {
        PrivateFiles.writeString(layout.pipelineYaml(), config.yamlText());
        RunProperties.write(layout, config, baseDir);
        Topology topology = new Topology(config);
        List<CounterSpec> specs = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            specs.add(new CounterSpec(stage.name(), stage.workers(), topology.positionCount(stage)));
        }
        RunCounters counters = RunCounters.create(layout.controlFile(), config.name(), specs);
        PrivateFiles.restrict(layout.controlFile());
        return new RunContext(config, layout, counters);
    }

    /** Creates the shared state and the queues, those that do not exist yet; before any slot runs. */
    public static void createStageFiles(RunContext run) throws IOException {
        RunLayout layout = run.layout();
        if (!Files.exists(layout.sharedState())) {
            SharedStateFile.create(layout.sharedState(), run.config());
            PrivateFiles.restrict(layout.sharedState());
        }
        for (String queue : run.topology().allQueues()) {
            if (!Files.exists(layout.queue(queue).resolve(SingleChronicleQueue.QUEUE_METADATA_FILE))) {
                QueueFiles.create(layout.queue(queue), run.config().queues());
            }
        }
    }
}
