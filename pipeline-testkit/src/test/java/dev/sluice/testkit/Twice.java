package dev.sluice.testkit;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;

/** A stage that passes: each number doubled. */
public final class Twice implements Processor<Long, Long> {
    @Override
    public Codec<Long> inputCodec() {
        return Codecs.LONG;
    }

    @Override
    public Codec<Long> outputCodec() {
        return Codecs.LONG;
    }

    @Override
    public void process(Long n, Emitter<Long> out) {
        out.emit(2 * n);
    }
}
