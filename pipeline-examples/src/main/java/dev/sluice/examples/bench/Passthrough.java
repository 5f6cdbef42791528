package dev.sluice.examples.bench;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;

/** Passes every number on: a worker that costs nothing, so a pipeline measures its transport alone. */
public final class Passthrough implements Processor<Long, Long> {
    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long record, Emitter<Long> out) { out.emit(record); }
}
