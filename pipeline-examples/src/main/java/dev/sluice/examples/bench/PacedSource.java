package dev.sluice.examples.bench;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.RunCounters;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.rundir.RunLayout;
import java.util.concurrent.locks.LockSupport;

/**
 * Emits {@code count} records at {@code rate} per second, each the epoch-nanosecond time it was emitted:
 * the load of a latency measurement. It starts once every other slot of the run is running (their queues open):
 * records emitted while a reader's JVM still starts would measure that start-up and the backlog it leaves, not
 * the chain.
 */
public final class PacedSource implements Source<Long> {
    private static final long READY_TIMEOUT_MS = 120_000;
    private long count;
    private long intervalNanos;
    private long emitted;
    private long startNanos;

    @Override
    public void open(StageContext context) {
        count = context.options().getLong("count", 500_000);
        intervalNanos = 1_000_000_000L / context.options().getLong("rate", 100_000);
        awaitOtherSlots(context);
    }

    private static void awaitOtherSlots(StageContext context) {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        try (RunCounters counters = RunCounters.open(new RunLayout(context.runDirectory()).controlFile())) {
            while (System.currentTimeMillis() < deadline && RunSnapshot.read(counters.reader()).slots().stream()
                    .anyMatch(s -> !s.stage().equals(context.stageName()) && s.state().compareTo(ProcessState.RUNNING) < 0)) {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    @Override
    public boolean read(Emitter<Long> out, int max) {
        long now = System.nanoTime();
        if (startNanos == 0) {
            startNanos = now;
        }
        long due = Math.min(count, (now - startNanos) / intervalNanos + 1);
        for (int i = 0; i < max && emitted < due; i++) {
            out.emit(EpochNanos.now());
            emitted++;
        }
        return emitted < count;
    }

    public long position() { return emitted; }

    @Override
    public void seek(long position) { emitted = position; }
}
