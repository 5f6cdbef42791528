package dev.sluice.runtime;

import dev.sluice.config.StageConfig;
import dev.sluice.queue.DocumentKind;
import dev.sluice.queue.DocumentReader;
import dev.sluice.rundir.RunContext;
import dev.sluice.rundir.Topology;

/** Reads the other workers' output queues of a stage: does any already answer to an input document? */
final class SiblingOutputs {
    private final RunContext run;
    private final StageConfig stage;
    private final int self;

    SiblingOutputs(RunContext run, StageConfig stage, int self) {
        this.run = run;
        this.stage = stage;
        this.self = self;
    }

    boolean cover(int inputQueue, long inputDoc) {
        for (int w = 0; w < stage.workers(); w++) {
            if (w == self) {
                continue;
            }
            try (DocumentReader reader = new DocumentReader(run.openQueue(Topology.queueName(stage, w)))) {
                while (reader.next()) {
                    var h = reader.header;
                    boolean covers = h.kind.hasRecords() && h.inputQueue == inputQueue
                            && h.inputFrom <= inputDoc && inputDoc < h.inputFrom + h.inputCount;
                    reader.done();
                    if (covers) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
