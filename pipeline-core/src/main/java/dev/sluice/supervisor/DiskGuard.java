package dev.sluice.supervisor;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Watches the free space where the run directory lives. Chronicle writes through memory-mapped files, and
 * a full disk there kills a process with SIGBUS rather than an exception; stopping the run before that
 * happens gives one clear error, and `resume` continues once space is freed.
 */
final class DiskGuard {
    private static final long INTERVAL_MS = 1000;

    private final Path runDirectory;
    private final long minFreeBytes;
    private long nextMs;

    DiskGuard(Path runDirectory, long minFreeBytes) {
        this.runDirectory = runDirectory;
        this.minFreeBytes = minFreeBytes;
    }

    /** When {@link #check} next looks. */
    long nextCheckMs() {
        return nextMs;
    }

    /** Null while there is room; otherwise what to tell the user. */
    String check(long nowMs) {
        if (nowMs < nextMs) {
            return null;
        }
        nextMs = nowMs + INTERVAL_MS;
        try {
            FileStore store = Files.getFileStore(runDirectory);
            long free = store.getUsableSpace();
            if (free < minFreeBytes) {
                return "disk nearly full: " + (free >> 20) + " MB free on " + store + " (" + runDirectory
                        + "), below supervision.min-free-disk " + (minFreeBytes >> 20) + " MB; free some space, then `sluice resume "
                        + runDirectory + "`";
            }
        } catch (IOException e) {
            return "cannot read the free space of " + runDirectory + ": " + e.getMessage();
        }
        return null;
    }
}
