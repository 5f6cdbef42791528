package dev.sluice.testkit;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;

/** A stage that fails: it cannot take the number 7. */
public final class FailsOnSeven implements Processor<Long, Long> {
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
        if (n == 7) {
            throw new IllegalArgumentException("seven is not welcome here");
        }
        out.emit(n);
    }
}
