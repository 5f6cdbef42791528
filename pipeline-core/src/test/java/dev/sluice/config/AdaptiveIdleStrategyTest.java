package dev.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdaptiveIdleStrategyTest {
    private static AdaptiveIdleStrategy fedEvery(long gapNanos, int inputs) {
        AdaptiveIdleStrategy idle = new AdaptiveIdleStrategy(1_000, 1_000_000);
        for (int i = 1; i <= inputs; i++) {
            idle.workAt(i * gapNanos);
        }
        return idle;
    }

    @Test
    void staysAwakeForAFewGapsBetweenInputs() {
        assertEquals(40_000, fedEvery(10_000, 200).awakeNanos(), 1_000); // 100k inputs/s: 4 gaps of 10 us
    }

    @Test
    void staysAwakeAtLeastTheMinimumWhenInputsComeBackToBack() {
        assertEquals(AdaptiveIdleStrategy.MIN_AWAKE_NANOS, fedEvery(100, 200).awakeNanos());
    }

    @Test
    void parksSoonWhenInputsAreRare() {
        assertEquals(AdaptiveIdleStrategy.MAX_AWAKE_NANOS, fedEvery(10_000_000, 200).awakeNanos());
    }

    @Test
    void followsAChangeOfRate() {
        AdaptiveIdleStrategy idle = fedEvery(10_000_000, 50);
        long at = 50 * 10_000_000L;
        for (int i = 1; i <= 200; i++) {
            idle.workAt(at + i * 10_000L);
        }
        assertEquals(40_000, idle.awakeNanos(), 1_000);
    }
}
