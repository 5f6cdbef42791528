package dev.sluice.examples;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;

/** For each n, the sum of sqrt(i) for 0 <= i < n: the classic CPU-bound multiprocessing demo. */
public final class SqrtSum implements Processor<Long, Double> {
    @Override
    public Codec<Long> inputCodec() {
        return Codecs.LONG;
    }

    @Override
    public Codec<Double> outputCodec() {
        return Codecs.DOUBLE;
    }

    @Override
    public void process(Long n, Emitter<Double> out) {
        double sum = 0;
        for (long i = 0; i < n; i++) {
            sum += Math.sqrt(i);
        }
        out.emit(sum);
    }
}
