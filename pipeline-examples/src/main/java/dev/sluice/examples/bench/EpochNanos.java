package dev.sluice.examples.bench;

import org.agrona.concurrent.SystemEpochNanoClock;

/** Wall-clock nanoseconds, comparable between processes on one machine. */
final class EpochNanos {
    private static final SystemEpochNanoClock CLOCK = new SystemEpochNanoClock();

    private EpochNanos() {
    }

    static long now() {
        return CLOCK.nanoTime();
    }
}
