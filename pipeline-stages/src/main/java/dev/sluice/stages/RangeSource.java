package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;

/**
 * Built-in {@code range}: the numbers {@code from} (default 0) to {@code to} (inclusive) by {@code step}
 * (default 1); or, instead of {@code to}, {@code count} numbers.
 */
public final class RangeSource implements Source<Long> {
    private long next;
    private long to;
    private long step;

    @Override
    public void open(StageContext context) {
        next = context.options().getLong("from", 0);
        step = context.options().getLong("step", 1);
        if (step <= 0) {
            throw context.options().error("step", "must be positive");
        }
        to = context.options().has("count") ? next + (context.options().getLong("count") - 1) * step
                : context.options().getLong("to");
    }

    @Override
    public Codec<Long> outputCodec() {
        return Codecs.LONG;
    }

    @Override
    public void seek(long position) {
        next = position;
    }

    @Override
    public boolean read(Emitter<Long> out, int max) {
        for (int i = 0; i < max && next <= to; i++) {
            out.emit(next);
            next += step;
        }
        return next <= to;
    }

    @Override
    public long position() {
        return next;
    }
}
