package dev.sluice.runtime;

import dev.sluice.api.Codecs;
import dev.sluice.config.StageConfig;
import dev.sluice.metrics.SlotMetrics;
import dev.sluice.queue.DocumentReader;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import dev.sluice.queue.PreOpenedQueues;
import dev.sluice.queue.QueueFiles;
import dev.sluice.rundir.RunContext;
import dev.sluice.rundir.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * What a standby process does before a slot needs it, so that taking the slot over costs neither a JVM start
 * nor the first use of Chronicle, logging or the stage classes: it initialises every stage class of the run and the
 * classes that run a slot, writes documents to a scratch queue of its own and reads them back (so that the writer's
 * code, Chronicle's appender included, is loaded and compiled), then opens the run's queues and reads through what
 * they hold for a moment (reading changes nothing in them), so that the code reading documents is compiled by the
 * time a slot comes, rather than interpreted on its first ones; and it opens each of the run's queues once more for
 * its slot to take ({@link PreOpenedQueues}).
 */
final class StandbyWarmUp {
    /** How long the standby reads documents for, at most, across all the run's queues. */
    private static final long READ_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final int MAX_DOCUMENTS = 20_000;
    /** How long, and how many documents at most, it writes to its scratch queue. */
    private static final long WRITE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int MAX_WRITTEN = 5_000;

    private StandbyWarmUp() {
    }

    static void warm(RunContext run) throws Exception {
        for (StageConfig stage : run.config().stages()) {
            Class.forName(stage.className(), true, run.config().stageLoader());
        }
        for (Class<?> slotClass : List.of(SlotRunner.class, SourceAgent.class, ParallelAgent.class,
                AggregateAgent.class, SlotMetrics.class)) {
            Class.forName(slotClass.getName(), true, slotClass.getClassLoader()); // linked and initialised
        }
        rehearseWriting(run);
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
        for (String queue : queues) {
            PreOpenedQueues.open(run.layout().queue(queue), run.config().queues());
        }
        LoggerFactory.getLogger(StandbyWarmUp.class).info("standby for pipeline {}: ready", run.config().name());
    }

    /** Once the slot has come: closes the queues opened ahead that it does not use. */
    static void slotCame(RunContext run, StageConfig stage, int worker) {
        List<Path> used = new ArrayList<>();
        for (String queue : run.topology().inputQueues(stage)) {
            used.add(run.layout().queue(queue));
        }
        used.add(run.layout().queue(Topology.queueName(stage, worker)));
        PreOpenedQueues.keepOnly(used);
    }

    /** Writes documents to its scratch queue (deleted after) as a slot's writer would, and reads them back. */
    private static void rehearseWriting(RunContext run) {
        long pid = ProcessHandle.current().pid();
        Path dir = StandbyScratch.of(run.layout(), pid);
        try {
            long deadline = System.nanoTime() + WRITE_NANOS;
            long written = 0;
            try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(dir, run.config().queues()));
                 OutputBatch<Long> batch = new OutputBatch<>(Codecs.LONG, run.config().queues())) {
                while (written < MAX_WRITTEN && System.nanoTime() < deadline) {
                    batch.begin(0, written, written, 0);
                    batch.emit(written);
                    writer.append(batch);
                    written++;
                }
                writer.appendEnd();
            }
            try (DocumentReader reader = new DocumentReader(QueueFiles.open(dir, run.config().queues()))) {
                reader.skipBefore(written / 2);
                while (reader.next()) {
                    reader.batch();
                    reader.done();
                }
            }
        } finally {
            StandbyScratch.delete(run.layout(), pid);
        }
    }
}
