package dev.sluice.examples.bench;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.SharedLong;
import dev.sluice.api.StageContext;
import java.util.concurrent.ConcurrentMap;

/**
 * Shared-state benchmark worker: per task, {@code ops} increments of the shared counter {@code hits}
 * (mode {@code counter}) or {@code ops} puts then gets on the shared map {@code table} (mode {@code map}).
 * Adds its operations to {@code ops} and raises {@code slowest-ns} to its own elapsed time.
 */
public final class SharedHammer implements Processor<Long, Long> {
    private String mode;
    private long ops;
    private SharedLong hits;
    private ConcurrentMap<Long, Long> table;
    private SharedLong done;
    private SharedLong slowest;

    @Override
    public void open(StageContext context) {
        mode = context.options().getString("mode");
        ops = context.options().getLong("ops");
        hits = context.shared().counter("hits");
        table = context.shared().map("table", Long.class, Long.class);
        done = context.shared().counter("ops");
        slowest = context.shared().counter("slowest-ns");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long task, Emitter<Long> out) {
        long start = System.nanoTime();
        long checksum = 0;
        if (mode.equals("counter")) {
            for (long i = 0; i < ops; i++) {
                hits.addAndGet(1);
            }
        } else {
            long base = task * ops;
            for (long i = 0; i < ops / 2; i++) {
                table.put(base + i, i);
            }
            for (long i = 0; i < ops / 2; i++) {
                checksum += table.get(base + i);
            }
        }
        long elapsed = System.nanoTime() - start;
        done.addAndGet(ops);
        long seen;
        while (elapsed > (seen = slowest.get()) && !slowest.compareAndSet(seen, elapsed)) {
            Thread.onSpinWait();
        }
        out.emit(checksum);
    }
}
