package dev.sluice.runtime;

import dev.sluice.config.StageConfig;
import dev.sluice.queue.DocumentReader;
import dev.sluice.rundir.RunContext;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What a standby process does before a slot needs it, so that taking the slot over costs neither a JVM start
 * nor the first use of Chronicle, logging or the stage classes: it initialises every stage class of the run,
 * and opens and reads one of the run's queues (reading changes nothing in it).
 */
final class StandbyWarmUp {
    private StandbyWarmUp() {
    }

    static void warm(RunContext run) throws Exception {
        for (StageConfig stage : run.config().stages()) {
            Class.forName(stage.className(), true, run.config().stageLoader());
        }
        List<String> queues = run.topology().allQueues();
        if (!queues.isEmpty()) {
            try (DocumentReader reader = new DocumentReader(run.openQueue(queues.get(0)))) {
                reader.next();
            }
        }
        LoggerFactory.getLogger(StandbyWarmUp.class).info("standby for pipeline {}: ready", run.config().name());
    }
}
