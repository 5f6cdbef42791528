package dev.sluice.runtime;

import dev.sluice.counters.ProcessState;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import org.agrona.concurrent.EpochClock;

/**
 * Whether a slot's process is running its duty cycle now, judged by what the slot publishes (its state and its
 * heartbeat's age), never by its pid: a pid is reused by the OS, so a dead slot's pid may name a live stranger,
 * while a heartbeat that stopped stays stopped. A process killed -9 keeps its RUNNING state until the supervisor
 * marks it FAILED, or, if the supervisor died too, until its heartbeat is older than {@code silenceMillis}.
 */
final class SlotLiveness {
    private final EpochClock clock;
    private final long silenceMillis;

    SlotLiveness(EpochClock clock, long silenceMillis) {
        this.clock = clock;
        this.silenceMillis = silenceMillis;
    }

    boolean isRunning(SlotCounters slot) {
        return slot.state() == ProcessState.RUNNING && heartbeatAge(slot) <= silenceMillis;
    }

    long heartbeatAge(SlotCounters slot) {
        return clock.time() - slot.get(SlotField.HEARTBEAT_MS).get();
    }

    long now() {
        return clock.time();
    }

    long silenceMillis() {
        return silenceMillis;
    }
}
