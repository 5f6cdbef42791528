package dev.sluice.rundir;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.counters.RunCounters;
import dev.sluice.queue.DiskBudget;
import dev.sluice.queue.QueueFiles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/** What every slot of a run shares: its configuration, its directory and its counters. */
public record RunContext(PipelineConfig config, RunLayout layout, RunCounters counters) {
    public Topology topology() {
        return new Topology(config);
    }

    /** Opens one of the run's stage queues by name ({@code <stage>-<worker>}). */
    public SingleChronicleQueue openQueue(String queueName) {
        return QueueFiles.open(layout.queue(queueName), config.queues());
    }

    /** This run's share of the disk for one writer: every slot of the run may write at once. */
    public DiskBudget diskBudget() {
        int writers = config.stages().stream().mapToInt(StageConfig::workers).sum();
        return DiskBudget.of(config.supervision().minFreeDiskBytes(), writers);
    }
}
