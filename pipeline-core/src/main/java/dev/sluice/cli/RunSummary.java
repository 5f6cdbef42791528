package dev.sluice.cli;

import dev.sluice.outcome.RunResult;
import dev.sluice.outcome.StageStats;
import dev.sluice.rundir.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/** What `run` and `resume` print when a run completes, and the exit code it earns. */
final class RunSummary {
    private RunSummary() {
    }

    /**
     * @param failOnDeadLetters {@code --fail-on-dead-letters}; the pipeline's own setting counts too
     * @return the exit code: OK, or FAILED when records were dead-lettered and that is to fail the run
     */
    static int print(RunResult result, boolean failOnDeadLetters) {
        System.out.printf("pipeline %s done in %.2f s; run directory %s%n", result.pipeline(),
                result.elapsedMillis() / 1000.0, result.runDirectory());
        for (StageStats stage : result.stages()) {
            System.out.printf("  %-16s x%-3d in %,12d  out %,12d  %8.2f s%n", stage.stage(), stage.workers(),
                    stage.recordsIn(), stage.recordsOut(), stage.elapsedMillis() / 1000.0);
        }
        result.values().forEach((stage, value) -> System.out.println(stage + ": " + value));
        Path report = new RunLayout(result.runDirectory()).report();
        if (Files.exists(report)) {
            System.out.println("report: " + report + " (metrics in " + new RunLayout(result.runDirectory()).metrics() + ")");
        }
        int letters = result.deadLetters();
        if (letters == 0) {
            return SluiceCli.OK;
        }
        String records = letters == 1 ? "1 record" : letters + " records";
        System.out.printf("%s dead-lettered; `sluice dlq %s` lists %s%n", records, result.runDirectory(),
                letters == 1 ? "it" : "them");
        if (failOnDeadLetters || result.failOnDeadLetters()) {
            System.err.println("run " + result.runDirectory() + " failed: it dead-lettered " + records
                    + " and fail-on-dead-letters is set");
            return SluiceCli.FAILED;
        }
        return SluiceCli.OK;
    }
}
