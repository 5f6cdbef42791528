package dev.sluice.runtime;

/**
 * The value of a parallel stage's claim counter on one input queue: the next unclaimed document and
 * the size of the claim that starts there, in one long so that one compare-and-set takes a range and
 * fixes the next one's size. Every slot that means to claim from a document thus means the same
 * size, which is what lets a restarted slot adopt a dead one's claim exactly (ClaimLedger).
 */
final class PackedClaim {
    private static final int SIZE_BITS = 20;
    static final int MAX_SIZE = (1 << SIZE_BITS) - 1;

    private PackedClaim() {
    }

    static long pack(long nextDoc, int nextSize) {
        return nextDoc << SIZE_BITS | Math.min(nextSize, MAX_SIZE);
    }

    /** The first document no claim has taken yet. */
    static long nextDoc(long value) {
        return value >>> SIZE_BITS;
    }

    /** The size of the claim that starts at {@link #nextDoc}; 0 before the first claim. */
    static int nextSize(long value) {
        return (int) (value & MAX_SIZE);
    }
}
