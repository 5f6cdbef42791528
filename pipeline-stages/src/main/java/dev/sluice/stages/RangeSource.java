package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Options;
import dev.sluice.api.SizedSource;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;

/**
 * Built-in {@code range}: the numbers {@code from} (default 0) to {@code to} (inclusive) by {@code step}
 * (default 1); or, instead of {@code to}, {@code count} numbers.
 */
public final class RangeSource implements Source<Long>, SizedSource {
    private long from;
    private long next;
    private long to;
    private long step;

    @Override
    public void validate(Options options) {
        configure(options);
    }

    @Override
    public void open(StageContext context) {
        configure(context.options());
    }

    private void configure(Options options) {
        from = options.getLong("from", 0);
        next = from;
        step = options.getLong("step", 1);
        if (step <= 0) {
            throw options.error("step", "must be positive");
        }
        to = options.has("count") ? next + (options.getLong("count") - 1) * step : options.getLong("to");
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

    @Override
    public long size() {
        return to < from ? 0 : (to - from) / step + 1;
    }

    @Override
    public long done() {
        return Math.min(size(), (next - from + step - 1) / step);
    }
}
