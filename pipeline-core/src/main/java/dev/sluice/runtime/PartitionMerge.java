package dev.sluice.runtime;

import dev.sluice.api.Aggregate;
import dev.sluice.config.StageConfig;
import dev.sluice.rundir.RunLayout;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The last step of a partitioned aggregate ({@code partitions: N}): each partition, once its inputs have
 * ended, saves its final state ({@code state/<stage>-p<p>.final}, temp file + atomic rename); partition 0
 * then merges every other partition's final state into its own and finishes. A partition restarted at any
 * moment finds either its final state (and is done, or, for partition 0, merges again from the files)
 * or its snapshot (and continues reading).
 */
final class PartitionMerge {
    private final RunLayout layout;
    private final StageConfig stage;
    private final int partition;

    PartitionMerge(RunLayout layout, StageConfig stage, int partition) {
        this.layout = layout;
        this.stage = stage;
        this.partition = partition;
    }

    boolean partitioned() {
        return stage.partitions() > 1;
    }

    /** Whether this partition is the one that merges the others and writes the result. */
    boolean merges() {
        return partition == 0;
    }

    boolean finalSaved() {
        return partitioned() && Files.exists(layout.finalState(stage.name(), partition));
    }

    void saveFinal(Aggregate<?> aggregate) throws Exception {
        Path file = layout.finalState(stage.name(), partition);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            aggregate.snapshot(out);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void restoreFinal(Aggregate<?> aggregate) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(layout.finalState(stage.name(), partition)), 1 << 16)) {
            aggregate.restore(in);
        }
    }

    /** Whether every other partition has saved its final state. */
    boolean othersSaved() {
        for (int p = 0; p < stage.partitions(); p++) {
            if (p != partition && !Files.exists(layout.finalState(stage.name(), p))) {
                return false;
            }
        }
        return true;
    }

    /** Merges every other partition's final state into {@code aggregate}, in partition order. */
    void mergeOthers(Aggregate<?> aggregate) throws Exception {
        for (int p = 0; p < stage.partitions(); p++) {
            if (p != partition) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(layout.finalState(stage.name(), p)), 1 << 16)) {
                    aggregate.merge(in);
                }
            }
        }
    }
}
