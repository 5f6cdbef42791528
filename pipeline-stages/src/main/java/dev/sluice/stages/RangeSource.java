package dev.sluice.stages;

import dev.sluice.api.BatchSource;
import dev.sluice.api.Codecs;
import dev.sluice.api.LongRange;
import dev.sluice.api.Options;
import dev.sluice.api.RecordWriter;
import dev.sluice.api.SizedSource;
import dev.sluice.api.StageContext;

/**
 * Built-in {@code range}: the numbers {@code from} (default 0) to {@code to} (inclusive) by {@code step}
 * (default 1); or, instead of {@code to}, {@code count} numbers. Each number is a {@link Codecs#LONG}
 * record; with {@code chunk: N}, each run of N numbers is one {@link Codecs#LONG_RANGE} record instead, a
 * task in the way of {@code Pool.map(chunksize=N)}, and each task is a document of its own so that workers
 * claim tasks.
 */
public final class RangeSource implements BatchSource, SizedSource {
    private long from;
    private long next;
    private long to;
    private long step;
    private long chunk;

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
        chunk = options.getLong("chunk", 0);
        if (chunk < 0) {
            throw options.error("chunk", "must be positive (numbers per task), or 0 for one record per number");
        }
    }

    @Override
    public void seek(long position) {
        next = position;
    }

    @Override
    public boolean read(RecordWriter out, int max) {
        if (chunk > 0) {
            if (next <= to) {
                long span = (chunk - 1) * step;
                long last = to - next <= span ? next + (to - next) / step * step : next + span;
                out.emit(new LongRange(next, last, step), Codecs.LONG_RANGE);
                next = last + step;
            }
            return next <= to;
        }
        for (int i = 0; i < max && next <= to; i++) {
            out.emitLong(next);
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
