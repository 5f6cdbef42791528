package dev.sluice.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM/SIGINT for a stage process: instead of dying mid-batch, the stage loop finishes the document
 * it is on and stops; the JVM exits once it has (or after a grace period).
 */
final class StopSignal {
    private static final long GRACE_MS = 3000;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean requested;

    static StopSignal install() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::awaitStop, "sluice-drain"));
        return signal;
    }

    boolean requested() {
        return requested;
    }

    void stopped() {
        stopped.countDown();
    }

    private void awaitStop() {
        requested = true;
        try {
            stopped.await(GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
