package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;

/** Kills its own process (as a native crash would) on the record named by option {@code halt-on}. */
public final class HaltOn implements Processor<Long, Long> {
    private long haltOn;

    @Override
    public void open(StageContext context) {
        haltOn = context.options().getLong("halt-on");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long record, Emitter<Long> out) {
        if (record == haltOn) {
            Runtime.getRuntime().halt(7);
        }
        out.emit(record);
    }
}
