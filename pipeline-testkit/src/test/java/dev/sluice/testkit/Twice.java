package dev.sluice.testkit;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;

/** A stage that passes: each number doubled; or, with the option {@code fail-on: N}, fails at the number N. */
public final class Twice implements Processor<Long, Long> {
    private long failOn = Long.MIN_VALUE;

    @Override
    public void open(StageContext context) {
        failOn = context.options().getLong("fail-on", Long.MIN_VALUE);
    }

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
        if (n == failOn) {
            throw new IllegalArgumentException(n + " is not welcome here");
        }
        out.emit(2 * n);
    }
}
