package dev.sluice.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a writer shares the free space of its disk with the run's other writers. Each writer reserves
 * space ahead of what it writes in steps of {@link #stepBytes()}, and only while the disk keeps
 * {@code minFreeBytes} free after the step. With W writers each holding at most one step it has not
 * filled yet, free space never falls more than W steps below the floor; steps are sized so that is at
 * most a quarter of it, leaving room for snapshots, logs and a resume.
 *
 * @param minFreeBytes {@code supervision.min-free-disk}
 * @param stepBytes    how far ahead a writer reserves at a time
 */
public record DiskBudget(long minFreeBytes, long stepBytes) {
    private static final long MIN_STEP = 256L << 10;
    private static final long MAX_STEP = 8L << 20;

    /** No floor (space is still reserved before it is written, so a full disk is an error, not a crash). */
    public static final DiskBudget NO_FLOOR = new DiskBudget(0, 1L << 20);

    public static DiskBudget of(long minFreeBytes, int writers) {
        long step = minFreeBytes / (4L * Math.max(1, writers));
        return new DiskBudget(minFreeBytes, Math.max(MIN_STEP, Math.min(MAX_STEP, step)));
    }

    /** Throws {@link DiskFullException} unless {@code bytes} more can be written under {@code dir} above the floor. */
    public void check(FileStore store, Path dir, long bytes) {
        long free;
        try {
            free = store.getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + dir, e);
        }
        if (free - bytes < minFreeBytes) {
            throw new DiskFullException("disk nearly full: " + (free >> 20) + " MB free on " + store + " (" + dir
                    + "), below supervision.min-free-disk " + (minFreeBytes >> 20) + " MB after another "
                    + Math.max(1, bytes >> 20) + " MB");
        }
    }

    public static FileStore storeOf(Path dir) {
        try {
            return Files.getFileStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find the file system of " + dir, e);
        }
    }
}
