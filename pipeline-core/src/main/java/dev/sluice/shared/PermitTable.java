package dev.sluice.shared;

import dev.sluice.api.SharedSemaphore;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A semaphore as a table of permit slots in shared memory: a free slot holds 0, a held one its holder
 * (pid in the high bits, thread in the low 16). Acquiring takes a free slot, or one whose holder's
 * process is dead, with a compare-and-set; so a holder killed -9 loses its permit to the next acquirer.
 */
final class PermitTable implements SharedSemaphore {
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
        long me = (ProcessHandle.current().pid() << 16) | (Thread.currentThread().getId() & 0xFFFF);
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

    private static boolean alive(long holder) {
        return ProcessHandle.of(holder >>> 16).map(ProcessHandle::isAlive).orElse(false);
    }
}
