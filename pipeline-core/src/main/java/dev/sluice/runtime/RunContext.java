package dev.sluice.runtime;

import dev.sluice.config.PipelineConfig;
import dev.sluice.counters.RunCounters;

/** What every slot of a run shares: its configuration, its directory and its counters. */
public record RunContext(PipelineConfig config, RunLayout layout, RunCounters counters) {
    public Topology topology() {
        return new Topology(config);
    }

    /** Opens one of the run's stage queues by name ({@code <stage>-<worker>}). */
    public net.openhft.chronicle.queue.impl.single.SingleChronicleQueue openQueue(String queueName) {
        return dev.sluice.queue.QueueFiles.open(layout.queue(queueName), config.queues().rollCycle());
    }
}
