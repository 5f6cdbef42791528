package dev.sluice.examples.bench;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.StageContext;

/** Reports the shared-state benchmark's rate: all workers' operations over the slowest worker's time. */
public final class SharedRate implements Aggregate<Long> {
    private StageContext context;

    @Override
    public void open(StageContext context) {
        this.context = context;
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public void accept(Long checksum) {
    }

    public Object finish() {
        long ops = context.shared().counter("ops").get();
        long nanos = context.shared().counter("slowest-ns").get();
        return String.format("%.0f ops/s (%d ops, %d counter hits)", ops * 1e9 / nanos, ops,
                context.shared().counter("hits").get());
    }
}
