package dev.sluice.cli;

import dev.sluice.supervisor.RunResult;
import dev.sluice.supervisor.StageStats;

/** What `run` and `resume` print when a run completes. */
final class RunSummary {
    private RunSummary() {
    }

    static void print(RunResult result) {
        System.out.printf("pipeline %s done in %.2f s; run directory %s%n", result.pipeline(),
                result.elapsedMillis() / 1000.0, result.runDirectory());
        for (StageStats stage : result.stages()) {
            System.out.printf("  %-16s x%-3d in %,12d  out %,12d  %8.2f s%n", stage.stage(), stage.workers(),
                    stage.recordsIn(), stage.recordsOut(), stage.elapsedMillis() / 1000.0);
        }
        result.values().forEach((stage, value) -> System.out.println(stage + ": " + value));
    }
}
