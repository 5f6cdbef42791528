package dev.sluice.queue;

import dev.sluice.files.DiskSpace;
import net.openhft.posix.PosixAPI;
import org.slf4j.LoggerFactory;

/**
 * Chronicle's first class initialisation binds POSIX through JNR, generating native stubs: about a quarter
 * of a stage process's start-up CPU. Sluice uses none of what it is for (msync, CPU timers, posix_fallocate:
 * Sluice allocates file space itself, {@link DiskSpace}), so it is swapped for Chronicle's no-op binding
 * before any Chronicle class loads. Process liveness, which lock recovery needs, Chronicle reads from /proc.
 *
 * <p>What remains of Chronicle's static initialisation (its Jvm, OS and Wires classes, the queue builder: a few
 * hundred milliseconds of a JVM's start) can run on a thread of its own while the process does other things: the
 * supervisor while it loads the YAML and starts the stage JVMs, a stage process while it waits for its slot.
 */
public final class ChronicleStartup {
    /** The classes whose initialisation the first queue open would otherwise wait for. */
    private static final String[] CLASSES = {
        "net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder",
        "net.openhft.chronicle.queue.impl.single.SingleChronicleQueue",
        "net.openhft.chronicle.queue.impl.table.SingleTableBuilder",
        "net.openhft.chronicle.queue.RollCycles",
        "net.openhft.chronicle.wire.Wires",
        "net.openhft.chronicle.bytes.MappedBytes",
        "net.openhft.chronicle.core.time.SystemTimeProvider",
    };
    private static Thread warmUp;

    private ChronicleStartup() {
    }

    /**
     * Starts initialising Chronicle's classes on a daemon thread; idempotent. Every use of Chronicle in Sluice goes
     * through {@link #lean()} first, which waits for it: two threads initialising classes that refer to each other
     * could otherwise deadlock.
     */
    public static synchronized void warmInBackground() {
        if (warmUp != null) {
            return;
        }
        PosixAPI.useNoOpPosixApi();
        // logging started here first: Chronicle logs while it initialises, and calls made while SLF4J is still
        // starting on another thread are replayed with three SLF4J(W) warning lines
        LoggerFactory.getILoggerFactory();
        warmUp = new Thread(ChronicleStartup::initialise, "sluice-chronicle-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static void initialise() {
        ClassLoader loader = ChronicleStartup.class.getClassLoader();
        try {
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
        } catch (Throwable ignored) {
            // the first real use of Chronicle meets the same problem and reports it
        }
    }

    /** Idempotent; call before the first use of Chronicle in a process. */
    public static void lean() {
        Thread started;
        synchronized (ChronicleStartup.class) {
            started = warmUp;
        }
        if (started != null && started != Thread.currentThread()) {
            boolean interrupted = false;
            while (started.isAlive()) {
                try {
                    started.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        PosixAPI.useNoOpPosixApi();
    }
}
