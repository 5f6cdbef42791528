package dev.sluice.examples.testing;

import dev.sluice.queue.QueueFiles;
import java.nio.file.Path;

/**
 * Test helper process: starts an append to the queue in {@code args[0]} (taking Chronicle's write lock and
 * leaving an unfinished header) and dies there, as a writer killed mid-append does.
 */
public final class DieHoldingWriteLock {
    private DieHoldingWriteLock() {
    }

    public static void main(String[] args) {
        QueueFiles.open(Path.of(args[0])).createAppender().writingDocument().wire().bytes().writeLong(42);
        Runtime.getRuntime().halt(9);
    }
}
