package dev.sluice.supervisor;

import dev.sluice.config.Supervision;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Erlang/OTP's restart intensity: at most {@code max-restarts} restarts within {@code restart-window};
 * each slot waits a backoff that doubles with its consecutive failures.
 */
final class RestartIntensity {
    private final Supervision supervision;
    private final Deque<Long> restarts = new ArrayDeque<>();

    RestartIntensity(Supervision supervision) {
        this.supervision = supervision;
    }

    /** Records a restart at {@code nowMs}; false if that exceeds the intensity. */
    boolean allow(long nowMs) {
        while (!restarts.isEmpty() && restarts.peekFirst() <= nowMs - supervision.restartWindowMillis()) {
            restarts.removeFirst();
        }
        restarts.addLast(nowMs);
        return restarts.size() <= supervision.maxRestarts();
    }

    long backoffMillis(int consecutiveFailures) {
        long backoff = supervision.backoffMillis() << Math.min(20, Math.max(0, consecutiveFailures - 1));
        return Math.min(backoff, supervision.backoffMaxMillis());
    }

    String describe() {
        return supervision.maxRestarts() + " restarts within " + supervision.restartWindowMillis() / 1000.0 + " s";
    }
}
