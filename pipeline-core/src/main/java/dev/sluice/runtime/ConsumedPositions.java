package dev.sluice.runtime;

import dev.sluice.config.StageConfig;
import dev.sluice.config.StageKind;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.rundir.RunContext;
import dev.sluice.rundir.Topology;

/**
 * How far every reader of a queue has consumed it for good, that is, what no restart of a reader can
 * ask for again: for a parallel stage, below its claim counter and below every claim still held; for an
 * aggregate, below its last snapshot's position (zero if it cannot snapshot: it replays from the start).
 */
public final class ConsumedPositions {
    private final RunContext run;

    public ConsumedPositions(RunContext run) {
        this.run = run;
    }

    public long of(String queueName) {
        long consumed = Long.MAX_VALUE;
        for (Topology.Reader reader : run.topology().readersOf(queueName)) {
            consumed = Math.min(consumed, of(reader));
        }
        return consumed == Long.MAX_VALUE ? 0 : consumed;
    }

    private long of(Topology.Reader queueReader) {
        StageConfig reader = queueReader.stage();
        int inputIndex = queueReader.inputIndex();
        int stageIndex = run.config().indexOf(reader.name());
        if (reader.kind() == StageKind.AGGREGATE) {
            long[] positions = AggregateCheckpoint.positions(AggregateCheckpoint.fileOf(run.layout(), reader, queueReader.partition()));
            return positions == null || positions.length <= inputIndex ? 0 : positions[inputIndex];
        }
        long consumed = PackedClaim.nextDoc(run.counters().inputPosition(stageIndex, inputIndex).get());
        for (int w = 0; w < reader.workers(); w++) {
            SlotCounters slot = run.counters().slot(stageIndex, w);
            if (slot.get(SlotField.CLAIM_QUEUE).get() == inputIndex + 1) {
                consumed = Math.min(consumed, slot.get(SlotField.CLAIM).get());
            }
        }
        return consumed;
    }

}
