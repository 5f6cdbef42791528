package dev.sluice.examples;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;

/** {@code tasks} numbers starting at {@code n}: n, n+1, ... (the sqrt-sum benchmark's work list). */
public final class TaskList implements Source<Long> {
    private long n;
    private long tasks;
    private long next;

    @Override
    public void open(StageContext context) {
        n = context.options().getLong("n");
        tasks = context.options().getLong("tasks");
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
        for (int i = 0; i < max && next < tasks; i++) {
            out.emit(n + next++);
        }
        return next < tasks;
    }

    @Override
    public long position() {
        return next;
    }
}
