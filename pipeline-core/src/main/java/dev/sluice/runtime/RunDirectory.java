package dev.sluice.runtime;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.counters.CounterSpec;
import dev.sluice.counters.RunCounters;
import dev.sluice.files.PrivateFiles;
import dev.sluice.queue.QueueFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a new run directory before any stage starts: the configuration as run, the control file
 * with every counter allocated, and every queue created, so no stage ever races another to create one.
 */
public final class RunDirectory {
    private RunDirectory() {
    }

    public static RunContext create(PipelineConfig config, Path baseDir) throws IOException {
        RunLayout layout = new RunLayout(config.runDirectory());
        if (Files.exists(layout.dir())) {
            throw new IOException("run directory " + layout.dir() + " already exists");
        }
        layout.create();
        PrivateFiles.writeString(layout.pipelineYaml(), config.yamlText());
        RunProperties.write(layout, config, baseDir);
        Topology topology = new Topology(config);
        List<CounterSpec> specs = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            specs.add(new CounterSpec(stage.name(), stage.workers(), topology.inputQueues(stage).size()));
        }
        RunCounters counters = RunCounters.create(layout.controlFile(), config.name(), specs);
        PrivateFiles.restrict(layout.controlFile());
        SharedStateFile.create(layout.sharedState(), config);
        PrivateFiles.restrict(layout.sharedState());
        for (String queue : topology.allQueues()) {
            QueueFiles.create(layout.queue(queue), config.queues());
        }
        return new RunContext(config, layout, counters);
    }
}
