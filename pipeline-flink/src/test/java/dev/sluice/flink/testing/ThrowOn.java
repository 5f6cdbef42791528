package dev.sluice.flink.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;

/** Passes numbers on, but throws on the one named by option {@code throw-on}. */
public final class ThrowOn implements Processor<Long, Long> {
    private long throwOn;

    @Override
    public void open(StageContext context) {
        throwOn = context.options().getLong("throw-on");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long n, Emitter<Long> out) {
        if (n == throwOn) {
            throw new IllegalStateException("refusing record " + n);
        }
        out.emit(n);
    }
}
