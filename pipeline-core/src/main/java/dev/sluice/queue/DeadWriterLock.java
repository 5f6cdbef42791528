package dev.sluice.queue;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.threads.Pauser;

/**
 * A writer killed while appending leaves its queue's write lock held by a dead pid, and Chronicle's next appender
 * waits out its timeout before it takes the lock over (about half the time a kill -9 cost a worker's replacement
 * before its first record). Every Sluice queue has one writer, its slot's process, so the replacement frees the lock
 * at once when its holder is dead; a live holder keeps it.
 */
final class DeadWriterLock {
    private DeadWriterLock() {
    }

    static void releaseIfHolderDied(SingleChronicleQueue queue) {
        try (TableStoreWriteLock lock = new TableStoreWriteLock(queue.metaStore(), Pauser::balanced, 0L)) {
            lock.forceUnlockIfProcessIsDead();
        }
    }
}
