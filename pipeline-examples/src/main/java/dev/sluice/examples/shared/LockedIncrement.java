package dev.sluice.examples.shared;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.SharedLong;
import dev.sluice.api.SharedSemaphore;
import dev.sluice.api.StageContext;

/**
 * Python's shared-counter example: for each task, increments the shared {@code counter} {@code times}
 * times as a read-then-write, which is only right because each one holds the shared {@code lock}.
 */
public final class LockedIncrement implements Processor<Long, Long> {
    private SharedLong counter;
    private SharedSemaphore lock;
    private long times;

    @Override
    public void open(StageContext context) {
        counter = context.shared().counter(context.options().getString("counter"));
        lock = context.shared().semaphore(context.options().getString("lock"));
        times = context.options().getLong("times", 1000);
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long task, Emitter<Long> out) throws InterruptedException {
        for (long i = 0; i < times; i++) {
            try (SharedSemaphore.Permit held = lock.acquire()) {
                counter.set(counter.get() + 1);
            }
        }
    }
}
