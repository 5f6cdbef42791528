package dev.sluice.runtime;

import java.util.List;
import java.util.function.LongSupplier;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Flow control for one writer: it may not get more than {@code max-lag} documents ahead of the
 * slowest stage reading its queue. Time spent held back is counted as it passes, so {@code status} shows it.
 */
final class Backpressure {
    private final List<LongSupplier> readerPositions;
    private final long maxLag;
    private final AtomicCounter heldMillis;
    private final EpochClock clock;
    private long heldSince = -1;

    /** @param readerPositions how far each reader has got in the queue, in documents */
    Backpressure(List<LongSupplier> readerPositions, long maxLag, AtomicCounter heldMillis, EpochClock clock) {
        this.readerPositions = readerPositions;
        this.maxLag = maxLag;
        this.heldMillis = heldMillis;
        this.clock = clock;
    }

    /** True while the writer must wait before appending document {@code nextDocSeq}. */
    boolean holds(long nextDocSeq) {
        long slowest = Long.MAX_VALUE;
        for (LongSupplier position : readerPositions) {
            slowest = Math.min(slowest, position.getAsLong());
        }
        boolean held = !readerPositions.isEmpty() && nextDocSeq - slowest >= maxLag;
        if (held || heldSince >= 0) {
            long now = clock.time();
            if (heldSince >= 0 && now > heldSince) {
                heldMillis.getAndAddRelease(now - heldSince);
            }
            heldSince = held ? Math.max(now, heldSince) : -1;
        }
        return held;
    }
}
