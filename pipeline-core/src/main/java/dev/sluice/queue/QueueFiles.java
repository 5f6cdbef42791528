package dev.sluice.queue;

import java.nio.file.Path;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * Opens a queue directory the same way everywhere. The roll cycle matters only when a queue is
 * created (the run directory creates every stage queue); later openers take the one it was made with.
 */
public final class QueueFiles {
    private QueueFiles() {
    }

    public static SingleChronicleQueue open(Path directory) {
        return open(directory, "1h");
    }

    /** @param rollCycle {@code 1s} (tests only), {@code 5m}, {@code 1h} or {@code 1d} */
    public static SingleChronicleQueue open(Path directory, String rollCycle) {
        return SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(rollCycle(rollCycle))
                .blockSize(16L << 20)
                .build();
    }

    static RollCycle rollCycle(String name) {
        return switch (name) {
            case "1s" -> TestRollCycles.TEST_SECONDLY;
            case "5m" -> RollCycles.FIVE_MINUTELY;
            case "1d" -> RollCycles.FAST_DAILY;
            default -> RollCycles.FAST_HOURLY;
        };
    }
}
