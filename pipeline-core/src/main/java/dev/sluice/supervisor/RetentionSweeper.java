package dev.sluice.supervisor;

import dev.sluice.queue.ConsumedCycles;
import dev.sluice.runtime.ConsumedPositions;
import dev.sluice.runtime.RunContext;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;

/** Every few seconds, deletes the queue cycles every reader has consumed for good (unless {@code retain: true}). */
final class RetentionSweeper {
    private static final long INTERVAL_MS = 2000;

    private final RunContext run;
    private final ConsumedPositions consumed;
    private final Logger log;
    private long nextMs;

    RetentionSweeper(RunContext run, Logger log) {
        this.run = run;
        this.consumed = new ConsumedPositions(run);
        this.log = log;
    }

    void maybeSweep(long nowMs) {
        if (nowMs >= nextMs) {
            nextMs = nowMs + INTERVAL_MS;
            sweepNow();
        }
    }

    void sweepNow() {
        if (run.config().queues().retain()) {
            return;
        }
        for (String queue : run.topology().allQueues()) {
            long position = consumed.of(queue);
            if (position <= 0) {
                continue;
            }
            try (SingleChronicleQueue chronicle = run.openQueue(queue)) {
                int deleted = ConsumedCycles.delete(chronicle, position);
                if (deleted > 0) {
                    log.info("deleted {} consumed cycle file(s) of queue {}", deleted, queue);
                }
            }
        }
    }
}
