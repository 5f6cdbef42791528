package dev.sluice.rundir;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import java.util.ArrayList;
import java.util.List;

/** Which queues each stage writes and reads: one queue per writing process, named {@code <stage>-<worker>}. */
public final class Topology {
    private final PipelineConfig config;

    public Topology(PipelineConfig config) {
        this.config = config;
    }

    public static String queueName(StageConfig stage, int worker) {
        return stage.name() + "-" + worker;
    }

    public List<String> outputQueues(StageConfig stage) {
        List<String> queues = new ArrayList<>();
        if (stage.kind().writesQueue()) {
            for (int w = 0; w < stage.workers(); w++) {
                queues.add(queueName(stage, w));
            }
        }
        return queues;
    }

    /** Every queue {@code stage} reads, in order: its inputs' queues, worker by worker. */
    public List<String> inputQueues(StageConfig stage) {
        List<String> queues = new ArrayList<>();
        for (String input : stage.inputs()) {
            queues.addAll(outputQueues(config.stage(input)));
        }
        return queues;
    }

    /**
     * A reader of a queue: the stage, which of its input queues the queue is, and for a partitioned
     * aggregate which partition (else 0).
     */
    public record Reader(StageConfig stage, int inputIndex, int partition) {
    }

    /** Every stage (every partition of a partitioned aggregate) that reads {@code queueName}. */
    public List<Reader> readersOf(String queueName) {
        List<Reader> readers = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            int index = inputQueues(stage).indexOf(queueName);
            for (int p = 0; index >= 0 && p < stage.partitions(); p++) {
                readers.add(new Reader(stage, index, p));
            }
        }
        return readers;
    }

    /** Into how many sections the writer of {@code queueName} sorts its records: its partitioned reader's partitions, or 1. */
    public int partitionsReading(String queueName) {
        int partitions = 1;
        for (Reader reader : readersOf(queueName)) {
            partitions = Math.max(partitions, reader.stage().partitions());
        }
        return partitions;
    }

    /**
     * The index of the control file's input-position counter for one input queue of a stage: a
     * partitioned aggregate has one per partition and input queue.
     */
    public int positionIndex(StageConfig stage, int inputIndex, int partition) {
        return partition * inputQueues(stage).size() + inputIndex;
    }

    /** How many input-position counters a stage has. */
    public int positionCount(StageConfig stage) {
        return inputQueues(stage).size() * stage.partitions();
    }

    public List<String> allQueues() {
        List<String> queues = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            queues.addAll(outputQueues(stage));
        }
        return queues;
    }
}
