package dev.sluice.queue;

import dev.sluice.files.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * Opens a queue directory the same way everywhere. The roll cycle matters only when a queue is
 * created (the run directory creates every stage queue); later openers take the one it was made with.
 * Queue directories and files are private (0700/0600) even in a JVM with a looser umask: Chronicle
 * creates them with the process's umask, so the directory is made first and each file is restricted
 * when it is acquired.
 */
public final class QueueFiles {
    private static final StoreFileListener RESTRICT = new StoreFileListener() {
        @Override
        public void onAcquired(int cycle, File file) {
            restrict(file.toPath());
        }

        @Override
        public void onReleased(int cycle, File file) {
        }
    };

    private QueueFiles() {
    }

    public static SingleChronicleQueue open(Path directory) {
        return open(directory, "1h");
    }

    /** @param rollCycle {@code 1s} (tests only), {@code 5m}, {@code 1h} or {@code 1d} */
    public static SingleChronicleQueue open(Path directory, String rollCycle) {
        try {
            PrivateFiles.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create queue directory " + directory, e);
        }
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(rollCycle(rollCycle))
                .blockSize(16L << 20)
                .storeFileListener(RESTRICT)
                .build();
        restrict(directory.resolve(SingleChronicleQueue.QUEUE_METADATA_FILE));
        return queue;
    }

    private static void restrict(Path file) {
        try {
            PrivateFiles.restrict(file);
        } catch (IOException gone) {
            // deleted meanwhile (a consumed cycle): nothing left to restrict
        }
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
