package dev.sluice.runtime;

import dev.sluice.queue.DocumentReader;
import org.agrona.concurrent.status.AtomicCounter;

/** One input queue of a parallel worker: its reader, the stage's shared claim counter on it, and whether it ended. */
final class ClaimedInput implements AutoCloseable {
    final int index;
    final DocumentReader reader;
    final AtomicCounter claims;
    boolean ended;

    ClaimedInput(int index, DocumentReader reader, AtomicCounter claims) {
        this.index = index;
        this.reader = reader;
        this.claims = claims;
    }

    @Override
    public void close() {
        reader.close();
    }
}
