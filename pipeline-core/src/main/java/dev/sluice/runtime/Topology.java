package dev.sluice.runtime;

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

    /** A reader of a queue: the stage, and which of its input queues the queue is. */
    public record Reader(StageConfig stage, int inputIndex) {
    }

    /** Every stage that reads {@code queueName}. */
    public List<Reader> readersOf(String queueName) {
        List<Reader> readers = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            int index = inputQueues(stage).indexOf(queueName);
            if (index >= 0) {
                readers.add(new Reader(stage, index));
            }
        }
        return readers;
    }

    public List<String> allQueues() {
        List<String> queues = new ArrayList<>();
        for (StageConfig stage : config.stages()) {
            queues.addAll(outputQueues(stage));
        }
        return queues;
    }
}
