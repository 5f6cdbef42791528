package dev.sluice.runtime;

import dev.sluice.api.SharedSemaphore;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A semaphore as a table of permit slots in shared memory: a free slot holds 0, a held one its holder
 * (pid in the high 32 bits, then 16 bits of the process's start time, then 16 of its thread). Acquiring takes a
 * free slot, or one whose holder's process is dead, with a compare-and-set; so a holder killed -9 loses its
 * permit to the next acquirer. A holder is a process (or a thread of one), not a slot, so it has no heartbeat
 * to judge it by; the start time in the holder word is what tells it from a later process that got its pid again.
 */
final class PermitTable implements SharedSemaphore {
    /** This process's part of a holder word. */
    private static final long SELF = holder(ProcessHandle.current(), 0);

    private final UnsafeBuffer buffer;
    private final int offset;
    private final int permits;

    PermitTable(UnsafeBuffer buffer, int offset, int permits) {
        this.buffer = buffer;
        this.offset = offset;
        this.permits = permits;
    }

    @Override
    public Permit acquire() throws InterruptedException {
        IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        Permit permit;
        while ((permit = tryAcquire()) == null) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            idle.idle();
        }
        return permit;
    }

    @Override
    public Permit tryAcquire() {
        long me = SELF | (Thread.currentThread().getId() & 0xFFFF);
        for (int i = 0; i < permits; i++) {
            int slot = offset + i * Long.BYTES;
            long holder = buffer.getLongVolatile(slot);
            if ((holder == 0 || !alive(holder)) && buffer.compareAndSetLong(slot, holder, me)) {
                return () -> buffer.compareAndSetLong(slot, me, 0);
            }
        }
        return null;
    }

    @Override
    public int permits() {
        return permits;
    }

    static long holder(ProcessHandle process, long threadId) {
        return (process.pid() << 32) | (startStamp(process) << 16) | (threadId & 0xFFFF);
    }

    /** Whether the process in a holder word is alive: its pid names a live process started when it was. */
    static boolean alive(long holder) {
        return ProcessHandle.of(holder >>> 32).filter(ProcessHandle::isAlive)
                .map(p -> startStamp(p) == ((holder >>> 16) & 0xFFFF)).orElse(false);
    }

    /** The process's start, in seconds modulo 2^16 (0 where the OS does not say). */
    private static long startStamp(ProcessHandle process) {
        return process.info().startInstant().map(i -> i.getEpochSecond() & 0xFFFF).orElse(0L);
    }
}
