package dev.sluice.supervisor;

import dev.sluice.queue.ConsumedCycles;
import dev.sluice.rundir.RunContext;
import dev.sluice.runtime.ConsumedPositions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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

    /** When {@link #maybeSweep} next has work to do. */
    long nextSweepMs() {
        return run.config().queues().retain() ? Long.MAX_VALUE : nextMs;
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
            if (position <= 0 || cycleFiles(run.layout().queue(queue)) < 2) {
                continue; // nothing consumed, or only the current cycle, which stays: no need to open the queue
            }
            try (SingleChronicleQueue chronicle = run.openQueue(queue)) {
                int deleted = ConsumedCycles.delete(chronicle, position);
                if (deleted > 0) {
                    log.info("deleted {} consumed cycle file(s) of queue {}", deleted, queue);
                }
            }
        }
    }

    private static long cycleFiles(Path queueDir) {
        try (Stream<Path> files = Files.list(queueDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SingleChronicleQueue.SUFFIX)).count();
        } catch (IOException e) {
            return Long.MAX_VALUE; // let Chronicle look
        }
    }
}
