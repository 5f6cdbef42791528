package dev.sluice.supervisor;

import dev.sluice.counters.ProcessState;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;

/**
 * Whether a slot's process is hung, from its heartbeat's age in its counters and its {@code hang-timeout}; and when
 * to look at it again, so the supervisor can sleep until then. A process still starting (class loading, opening
 * queues) beats only once its loop runs, so it is allowed at least {@link #STARTUP_ALLOWANCE_MS}.
 */
final class HeartbeatWatch {
    static final long STARTUP_ALLOWANCE_MS = 60_000;

    private final SlotCounters counters;
    private final long hangTimeoutMillis;

    HeartbeatWatch(SlotCounters counters, long hangTimeoutMillis) {
        this.counters = counters;
        this.hangTimeoutMillis = hangTimeoutMillis;
    }

    /** How old the heartbeat may get. */
    long limit() {
        return counters.state() == ProcessState.RUNNING ? hangTimeoutMillis
                : Math.max(hangTimeoutMillis, STARTUP_ALLOWANCE_MS);
    }

    long age(long nowMs) {
        return nowMs - counters.get(SlotField.HEARTBEAT_MS).get();
    }

    boolean hung(long nowMs) {
        return age(nowMs) > limit();
    }

    /**
     * When the heartbeat would next be too old; a process still starting may turn running (and then hang) any
     * time, so it is looked at again within hang-timeout.
     */
    long nextLookAt(long nowMs) {
        long overdue = counters.get(SlotField.HEARTBEAT_MS).get() + limit() + 1;
        return counters.state() == ProcessState.RUNNING ? overdue : Math.min(overdue, nowMs + hangTimeoutMillis);
    }
}
