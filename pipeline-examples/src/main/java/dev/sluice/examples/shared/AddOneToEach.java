package dev.sluice.examples.shared;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.SharedLongArray;
import dev.sluice.api.StageContext;

/** Python's shared-array example: for each task, adds 1 to every element of the shared {@code array}. */
public final class AddOneToEach implements Processor<Long, Long> {
    private SharedLongArray array;

    @Override
    public void open(StageContext context) {
        array = context.shared().longArray(context.options().getString("array"));
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long task, Emitter<Long> out) {
        for (int i = 0; i < array.length(); i++) {
            array.addAndGet(i, 1);
        }
    }
}
