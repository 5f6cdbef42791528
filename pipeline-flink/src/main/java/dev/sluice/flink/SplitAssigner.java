package dev.sluice.flink;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the source's one split to the reader that asks, and takes it back when that reader fails
 * before a checkpoint held it (Flink then restores the reader without it).
 */
final class SplitAssigner implements SplitEnumerator<PositionSplit, Collection<PositionSplit>> {
    private final SplitEnumeratorContext<PositionSplit> context;
    private final Queue<PositionSplit> unassigned;

    SplitAssigner(SplitEnumeratorContext<PositionSplit> context, Collection<PositionSplit> unassigned) {
        this.context = context;
        this.unassigned = new ArrayDeque<>(unassigned);
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        PositionSplit split = unassigned.poll();
        if (split != null) {
            context.assignSplit(split, subtaskId);
        } else {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<PositionSplit> splits, int subtaskId) {
        unassigned.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {
        // a reader asks for its split itself, once it has restored what a checkpoint gave it
    }

    @Override
    public Collection<PositionSplit> snapshotState(long checkpointId) {
        return List.copyOf(unassigned);
    }

    @Override
    public void close() {
    }
}
