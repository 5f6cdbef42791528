package dev.sluice.supervisor;

import dev.sluice.config.Supervision;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Erlang/OTP's restart intensity: at most {@code max-restarts} restarts within {@code restart-window}. A slot's
 * first failure is restarted at once (a process that was killed should be back as soon as possible); from its
 * second on, it waits a backoff that doubles with each failure, so a crash loop does not spin.
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
        if (consecutiveFailures <= 1) {
            return 0;
        }
        long backoff = supervision.backoffMillis() << Math.min(20, consecutiveFailures - 2);
        return Math.min(backoff, supervision.backoffMaxMillis());
    }

    String describe() {
        return supervision.maxRestarts() + " restarts within " + supervision.restartWindowMillis() / 1000.0 + " s";
    }
}
