package dev.sluice.examples.shared;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.SharedLong;
import dev.sluice.api.SharedSemaphore;
import dev.sluice.api.StageContext;

/**
 * Python's semaphore example: for each task, holds a permit of the shared {@code semaphore} for
 * {@code hold-ms}, counting holders in {@code holders} and the most ever seen at once in {@code most}.
 */
public final class HoldPermit implements Processor<Long, Long> {
    private SharedSemaphore semaphore;
    private SharedLong holders;
    private SharedLong most;
    private long holdMs;

    @Override
    public void open(StageContext context) {
        semaphore = context.shared().semaphore(context.options().getString("semaphore"));
        holders = context.shared().counter(context.options().getString("holders"));
        most = context.shared().counter(context.options().getString("most"));
        holdMs = context.options().getLong("hold-ms", 1000);
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long task, Emitter<Long> out) throws InterruptedException {
        try (SharedSemaphore.Permit held = semaphore.acquire()) {
            long now = holders.addAndGet(1);
            long seen;
            while (now > (seen = most.get()) && !most.compareAndSet(seen, now)) {
                Thread.onSpinWait();
            }
            Thread.sleep(holdMs);
            holders.addAndGet(-1);
        }
    }
}
