package dev.sluice.api;

/**
 * A counting semaphore across processes (a lock when it has one permit). A permit records its holder;
 * a holder that dies cannot keep it: the next acquirer takes back permits of dead holders.
 */
public interface SharedSemaphore {
    /** A held permit; closing it releases it. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for a permit. */
    Permit acquire() throws InterruptedException;

    /** A permit if one is free (or held by a dead process) now, else null. */
    Permit tryAcquire();

    int permits();
}
