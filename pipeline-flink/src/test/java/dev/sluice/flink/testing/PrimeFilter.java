package dev.sluice.flink.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.examples.PrimeCounter;

/** Passes on the primes themselves, so an ordered aggregate's output shows the order it got them in. */
public final class PrimeFilter implements Processor<Long, Long> {
    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long n, Emitter<Long> out) {
        if (PrimeCounter.isPrime(n)) {
            out.emit(n);
        }
    }
}
