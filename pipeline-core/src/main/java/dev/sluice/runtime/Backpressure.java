package dev.sluice.runtime;

import java.util.List;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Flow control for one writer: it may not get more than {@code max-lag} documents ahead of the
 * slowest stage reading its queue. Time spent held back is counted as it passes, so {@code status} shows it.
 */
final class Backpressure {
    private final List<AtomicCounter> readerPositions;
    private final long maxLag;
    private final AtomicCounter heldMillis;
    private long heldSince = -1;

    Backpressure(List<AtomicCounter> readerPositions, long maxLag, AtomicCounter heldMillis) {
        this.readerPositions = readerPositions;
        this.maxLag = maxLag;
        this.heldMillis = heldMillis;
    }

    /** True while the writer must wait before appending document {@code nextDocSeq}. */
    boolean holds(long nextDocSeq) {
        long slowest = Long.MAX_VALUE;
        for (AtomicCounter position : readerPositions) {
            slowest = Math.min(slowest, position.get());
        }
        boolean held = !readerPositions.isEmpty() && nextDocSeq - slowest >= maxLag;
        if (held || heldSince >= 0) {
            long now = System.currentTimeMillis();
            if (heldSince >= 0 && now > heldSince) {
                heldMillis.getAndAddRelease(now - heldSince);
            }
            heldSince = held ? Math.max(now, heldSince) : -1;
        }
        return held;
    }
}
