package dev.sluice.config;

import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/** A stage's {@code idle:}: how its duty cycle waits when there is no work, as an Agrona idle strategy. */
public enum IdleMode implements YamlChoice {
    BUSY_SPIN("busy-spin"),
    YIELD("yield"),
    /**
     * The default: spins briefly, yields, then parks for up to 1 ms, so a waiting stage costs next to no CPU
     * and a busy one never parks.
     */
    BACKOFF("backoff"),
    /**
     * Stays awake (yielding) for about four recent gaps between inputs, up to 200 us, then backs off to 1 ms
     * parks as {@code backoff} does: for stages that want low latency at a steady rate.
     */
    ADAPTIVE("adaptive"),
    SLEEP("sleep");

    private final String yamlName;

    IdleMode(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** A new strategy of this mode (strategies hold state: one per duty cycle). */
    public IdleStrategy newStrategy() {
        return switch (this) {
            case BUSY_SPIN -> new BusySpinIdleStrategy();
            case YIELD -> new YieldingIdleStrategy();
            case BACKOFF -> new BackoffIdleStrategy(20, 50, TimeUnit.MICROSECONDS.toNanos(1),
                    TimeUnit.MILLISECONDS.toNanos(1));
            case ADAPTIVE -> new AdaptiveIdleStrategy(TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
            case SLEEP -> new SleepingMillisIdleStrategy(1);
        };
    }
}
