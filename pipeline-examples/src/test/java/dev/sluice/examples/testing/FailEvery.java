package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;

/** Passes numbers on, but throws the same exception on every multiple of option {@code every}. */
public final class FailEvery implements Processor<Long, Long> {
    private long every;

    @Override
    public void open(StageContext context) {
        every = context.options().getLong("every");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long record, Emitter<Long> out) {
        if (record % every == 0) {
            throw new IllegalArgumentException("a multiple of " + every);
        }
        out.emit(record);
    }
}
