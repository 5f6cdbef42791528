package dev.sluice.cli;

import java.time.Instant;

/** Whether a pid recorded in a control file still names the process that recorded it. */
final class Liveness {
    /** Start times from /proc are coarse, and a process records its start a little after it began. */
    private static final long SLACK_MS = 1_000;

    private Liveness() {
    }

    /**
     * @param recordedAtMs when the process wrote something to the control file: a process with that pid
     *                     started after it is another one that got the number again
     */
    static boolean isAlive(long pid, long recordedAtMs) {
        if (pid <= 0) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(0L) <= recordedAtMs + SLACK_MS)
                .orElse(false);
    }
}
