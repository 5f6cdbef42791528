package dev.sluice.config;

import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;

/**
 * Backs off as Agrona's {@code BackoffIdleStrategy} does (spin, yield, then park for longer and longer), but stays
 * awake for as long as the next input is due, judged by the recent gaps between inputs: a stage fed 100k records/s
 * never parks (a park costs at least the kernel's timer slack, about 50 us, each time), while one whose inputs
 * stopped parks for up to {@code maxParkNanos} after {@value #MIN_AWAKE_NANOS} ns, as the backoff strategy does.
 */
public final class AdaptiveIdleStrategy implements IdleStrategy {
    static final long MIN_AWAKE_NANOS = 20_000;
    static final long MAX_AWAKE_NANOS = 200_000;
    /** How many recent gaps the awake time covers: arrivals bunch, so one gap is not enough. */
    private static final int GAPS_AWAKE = 4;
    private static final int SPINS = 20;

    private final long minParkNanos;
    private final long maxParkNanos;
    private long lastWorkNanos;
    private long gapNanos = MAX_AWAKE_NANOS; // a moving average of the time between inputs
    private long awakeNanos = MIN_AWAKE_NANOS;
    private int spins;
    private long parkNanos;

    public AdaptiveIdleStrategy(long minParkNanos, long maxParkNanos) {
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        this.parkNanos = minParkNanos;
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    @Override
    public void idle() {
        if (spins < SPINS) {
            spins++;
            Thread.onSpinWait();
        } else if (System.nanoTime() - lastWorkNanos < awakeNanos) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos << 1, maxParkNanos);
        }
    }

    /** Work was done: the gap since the last work updates the average (weight 1/8) and the time to stay awake. */
    @Override
    public void reset() {
        workAt(System.nanoTime());
    }

    void workAt(long now) {
        if (lastWorkNanos != 0) {
            gapNanos += (now - lastWorkNanos - gapNanos) >> 3;
            awakeNanos = Math.max(MIN_AWAKE_NANOS, Math.min(MAX_AWAKE_NANOS, GAPS_AWAKE * gapNanos));
        }
        lastWorkNanos = now;
        spins = 0;
        parkNanos = minParkNanos;
    }

    long awakeNanos() {
        return awakeNanos;
    }

    @Override
    public String alias() {
        return "adaptive";
    }
}
