package dev.sluice.runtime;

import dev.sluice.config.PipelineConfig;
import dev.sluice.counters.RunCounters;

/** What every slot of a run shares: its configuration, its directory and its counters. */
public record RunContext(PipelineConfig config, RunLayout layout, RunCounters counters) {
    public Topology topology() {
        return new Topology(config);
    }
}
