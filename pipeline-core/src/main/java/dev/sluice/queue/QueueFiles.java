package dev.sluice.queue;

import java.nio.file.Path;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/** Opens a stage queue directory the same way everywhere (roll cycle, block size). */
public final class QueueFiles {
    private QueueFiles() {
    }

    public static SingleChronicleQueue open(Path directory) {
        return SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(RollCycles.FAST_HOURLY)
                .blockSize(16L << 20)
                .build();
    }
}
