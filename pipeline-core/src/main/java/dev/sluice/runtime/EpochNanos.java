package dev.sluice.runtime;

import org.agrona.concurrent.SystemEpochNanoClock;

/** Wall-clock nanoseconds, comparable across processes (for end-to-end latency). */
final class EpochNanos {
    private static final SystemEpochNanoClock CLOCK = new SystemEpochNanoClock();

    private EpochNanos() {
    }

    static long now() {
        return CLOCK.nanoTime();
    }
}
