package dev.sluice.queue;

import dev.sluice.config.QueueRollCycle;
import dev.sluice.config.QueueSettings;
import dev.sluice.files.DiskSpace;
import dev.sluice.files.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/**
 * Opens a queue directory the same way everywhere. The roll cycle matters only when a queue is
 * created (the run directory creates every stage queue); later openers take the one it was made with.
 * Queue directories and files are private (0700/0600) even in a JVM with a looser umask: Chronicle
 * creates them with the process's umask, so the directory is made first and each file is restricted
 * when it is acquired. The block size follows {@code max-record-size} ({@link QueueSettings#blockSize()}).
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

    /**
     * How long Chronicle waits on a header another process left unfinished before it recovers (its
     * default is 10 s). Every Sluice queue has one writer, and a writer only ever waits on what a dead
     * predecessor left, so waiting long buys nothing: a reader that gives up on a cycle file still
     * being created simply looks again.
     */
    static final long RECOVERY_TIMEOUT_MS = 500;

    static {
        ChronicleStartup.lean();
    }

    private QueueFiles() {
    }

    public static SingleChronicleQueue open(Path directory) {
        return open(directory, QueueSettings.DEFAULT);
    }

    public static SingleChronicleQueue open(Path directory, QueueSettings settings) {
        SingleChronicleQueue ahead = PreOpenedQueues.take(directory);
        if (ahead != null) {
            return ahead;
        }
        try {
            PrivateFiles.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create queue directory " + directory, e);
        }
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(rollCycle(settings.rollCycle()))
                .blockSize(settings.blockSize())
                .timeoutMS(RECOVERY_TIMEOUT_MS)
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

    /**
     * Creates a queue directory whose metadata file has every page allocated: Chronicle maps it and adds
     * entries to it later (locks, cycle listing), and a page first touched on a full disk would be a SIGBUS.
     */
    public static void create(Path directory, QueueSettings settings) {
        open(directory, settings).close();
        try {
            DiskSpace.allocate(directory.resolve(SingleChronicleQueue.QUEUE_METADATA_FILE));
        } catch (IOException e) {
            throw new DiskFullException("cannot create queue " + directory + ": " + e.getMessage(), e);
        }
    }

    static RollCycle rollCycle(QueueRollCycle cycle) {
        return switch (cycle) {
            case SECONDLY -> TestRollCycles.TEST_SECONDLY;
            case FIVE_MINUTELY -> RollCycles.FIVE_MINUTELY;
            case HOURLY -> RollCycles.FAST_HOURLY;
            case DAILY -> RollCycles.FAST_DAILY;
        };
    }
}
