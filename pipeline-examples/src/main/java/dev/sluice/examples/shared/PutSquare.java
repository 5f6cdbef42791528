package dev.sluice.examples.shared;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;
import java.util.concurrent.ConcurrentMap;

/** Python's Manager().dict() example: for each i, puts {@code k<i> = i*i} into the shared {@code map}. */
public final class PutSquare implements Processor<Long, Long> {
    private ConcurrentMap<String, Long> map;

    @Override
    public void open(StageContext context) {
        map = context.shared().map(context.options().getString("map"), String.class, Long.class);
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long i, Emitter<Long> out) {
        map.put("k" + i, i * i);
    }
}
