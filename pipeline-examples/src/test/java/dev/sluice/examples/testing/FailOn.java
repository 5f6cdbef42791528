package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;

/** Passes numbers on, but throws on the one named by option {@code fail-on}. */
public final class FailOn implements Processor<Long, Long> {
    private long failOn;

    @Override
    public void open(StageContext context) {
        failOn = context.options().getLong("fail-on");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long record, Emitter<Long> out) {
        if (record == failOn) {
            throw new IllegalStateException("refusing record " + record);
        }
        out.emit(record);
    }
}
