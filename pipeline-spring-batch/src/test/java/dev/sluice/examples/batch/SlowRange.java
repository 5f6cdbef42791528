package dev.sluice.examples.batch;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;

/** 1..to, {@code per-read} numbers every {@code pause-ms}: a source slow enough to kill a job in the middle of. */
public final class SlowRange implements Source<Long> {
    private long next = 1;
    private long to;
    private long pauseMs;
    private int perRead;

    @Override
    public void open(StageContext context) {
        to = context.options().getLong("to");
        pauseMs = context.options().getLong("pause-ms", 5);
        perRead = (int) context.options().getLong("per-read", 1000);
    }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void seek(long position) { next = position; }

    public boolean read(Emitter<Long> out, int max) throws InterruptedException {
        Thread.sleep(pauseMs);
        for (int i = 0; i < Math.min(max, perRead) && next <= to; i++) {
            out.emit(next++);
        }
        return next <= to;
    }

    public long position() { return next; }
}
