package dev.sluice.examples;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;

/**
 * The producer of Python's producer-consumer example: {@code item-0}, {@code item-1}, ...
 * Options: {@code count} (default 10), {@code delay-ms} between items (default 0, to imitate slow I/O).
 */
public final class ItemProducer implements Source<String> {
    private long count;
    private long delayMs;
    private long next;

    @Override
    public void open(StageContext context) {
        count = context.options().getLong("count", 10);
        delayMs = context.options().getLong("delay-ms", 0);
    }

    @Override
    public Codec<String> outputCodec() {
        return Codecs.STRING;
    }

    @Override
    public void seek(long position) {
        next = position;
    }

    @Override
    public boolean read(Emitter<String> out, int max) throws InterruptedException {
        if (delayMs > 0 && next < count) {
            Thread.sleep(delayMs);
            out.emit("item-" + next++);
            return next < count;
        }
        for (int i = 0; i < max && next < count; i++) {
            out.emit("item-" + next++);
        }
        return next < count;
    }

    @Override
    public long position() {
        return next;
    }
}
