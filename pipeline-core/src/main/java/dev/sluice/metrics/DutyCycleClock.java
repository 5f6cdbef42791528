package dev.sluice.metrics;

import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Where a slot's time goes, as Flink's busyTimeMsPerSecond / idleTimeMsPerSecond / backPressuredTimeMsPerSecond
 * split it: every duty cycle (one {@code doWork} and the idling after it) counts as busy if it did work,
 * otherwise as waiting; waiting while {@code max-lag} holds the slot back is already counted as backpressure
 * by the slot's flow control, and the rest is idle. Counters add up over the slot's processes.
 */
public final class DutyCycleClock {
    private static final long PUBLISH_EVERY_NS = 1_000_000;

    private final AtomicCounter busyMs;
    private final AtomicCounter idleMs;
    private final AtomicCounter backpressureMs;
    private final long busyBase;
    private final long idleBase;
    private final long backpressureBase;
    private long last = System.nanoTime();
    private long nextPublish = last + PUBLISH_EVERY_NS;
    private long busyNanos;
    private long waitingNanos;

    DutyCycleClock(SlotCounters counters) {
        this.busyMs = counters.get(SlotField.BUSY_MS);
        this.idleMs = counters.get(SlotField.IDLE_MS);
        this.backpressureMs = counters.get(SlotField.BACKPRESSURE_MS);
        this.busyBase = busyMs.get();
        this.idleBase = idleMs.get();
        this.backpressureBase = backpressureMs.get();
    }

    /** The duty cycle begins: the time the slot took to start (opening its stage and queues) is neither busy nor idle. */
    public void begin() {
        last = System.nanoTime();
        nextPublish = last + PUBLISH_EVERY_NS;
    }

    /** One duty cycle ended; {@code work} is what its {@code doWork} returned. */
    public void cycle(int work) {
        long now = System.nanoTime();
        if (work > 0) {
            busyNanos += now - last;
        } else {
            waitingNanos += now - last;
        }
        last = now;
        if (now >= nextPublish) {
            publish();
            nextPublish = now + PUBLISH_EVERY_NS;
        }
    }

    /** Brings the counters up to date (the slot ends). */
    public void publish() {
        busyMs.setRelease(busyBase + busyNanos / 1_000_000);
        long heldBack = backpressureMs.get() - backpressureBase;
        idleMs.setRelease(idleBase + Math.max(0, waitingNanos / 1_000_000 - heldBack));
    }
}
