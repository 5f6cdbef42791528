package dev.sluice.queue;

import net.openhft.posix.PosixAPI;

/**
 * Chronicle's first class initialisation binds POSIX through JNR, generating native stubs: about a quarter
 * of a stage process's start-up CPU. Sluice uses none of what it is for (msync, CPU timers, posix_fallocate:
 * Sluice allocates file space itself, {@link DiskSpace}), so it is swapped for Chronicle's no-op binding
 * before any Chronicle class loads. Process liveness, which lock recovery needs, Chronicle reads from /proc.
 */
public final class ChronicleStartup {
    private ChronicleStartup() {
    }

    /** Idempotent; call before the first use of Chronicle in a process. */
    public static void lean() {
        PosixAPI.useNoOpPosixApi();
    }
}
