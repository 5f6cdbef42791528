package dev.sluice.examples.bench;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;

/**
 * Emits {@code count} records at {@code rate} per second, each the epoch-nanosecond time it was emitted:
 * the load of a latency measurement.
 */
public final class PacedSource implements Source<Long> {
    private long count;
    private long intervalNanos;
    private long emitted;
    private long startNanos;

    @Override
    public void open(StageContext context) {
        count = context.options().getLong("count", 500_000);
        intervalNanos = 1_000_000_000L / context.options().getLong("rate", 100_000);
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
