package dev.sluice.runtime;

import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/** YAML's {@code idle:} names to Agrona idle strategies. */
public final class IdleStrategies {
    public static final String DEFAULT = "backoff";

    private IdleStrategies() {
    }

    /**
     * {@code backoff} (the default) spins briefly, yields, then parks for up to 1 ms: a waiting stage
     * costs next to no CPU, and a busy one never parks.
     */
    public static IdleStrategy byName(String name) {
        return switch (name) {
            case "busy-spin" -> new BusySpinIdleStrategy();
            case "yield" -> new YieldingIdleStrategy();
            case "backoff" -> new BackoffIdleStrategy(20, 50, TimeUnit.MICROSECONDS.toNanos(1),
                    TimeUnit.MILLISECONDS.toNanos(1));
            case "adaptive" -> new AdaptiveIdleStrategy(TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
            case "sleep" -> new SleepingMillisIdleStrategy(1);
            default -> throw new IllegalArgumentException("unknown idle strategy '" + name
                    + "': use busy-spin, yield, backoff, adaptive or sleep");
        };
    }
}
