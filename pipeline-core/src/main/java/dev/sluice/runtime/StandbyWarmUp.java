package dev.sluice.runtime;

import dev.sluice.config.StageConfig;
import dev.sluice.queue.DocumentReader;
import dev.sluice.rundir.RunContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * What a standby process does before a slot needs it, so that taking the slot over costs neither a JVM start
 * nor the first use of Chronicle, logging or the stage classes: it initialises every stage class of the run,
 * and opens the run's queues and reads through what they hold for a moment (reading changes nothing in them), so
 * that the code reading documents is compiled by the time a slot comes, rather than interpreted on its first ones.
 */
final class StandbyWarmUp {
    /** How long the standby reads documents for, at most, across all the run's queues. */
    private static final long READ_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final int MAX_DOCUMENTS = 20_000;

    private StandbyWarmUp() {
    }

    static void warm(RunContext run) throws Exception {
        for (StageConfig stage : run.config().stages()) {
            Class.forName(stage.className(), true, run.config().stageLoader());
        }
        List<String> queues = run.topology().allQueues();
        long deadline = System.nanoTime() + READ_NANOS;
        int documents = 0;
        for (String queue : queues) {
            try (DocumentReader reader = new DocumentReader(run.openQueue(queue))) {
                while (documents < MAX_DOCUMENTS && System.nanoTime() < deadline && reader.next()) {
                    reader.batch();
                    reader.done();
                    documents++;
                }
            }
        }
        LoggerFactory.getLogger(StandbyWarmUp.class).info("standby for pipeline {}: ready", run.config().name());
    }
}
