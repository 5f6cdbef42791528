package dev.sluice.examples;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.LongRange;
import dev.sluice.api.Processor;

/**
 * Counts the primes of each task by trial division up to sqrt(n), the classic Pool.map example. A task
 * is a chunk of numbers ({@code range} with {@code chunk: N}, as {@code Pool.map(chunksize=N)}), so the
 * framework's cost is per chunk, not per number; each task's count goes to a {@code sum} aggregate.
 */
public final class PrimeCounter implements Processor<LongRange, Long> {
    @Override
    public Codec<LongRange> inputCodec() {
        return Codecs.LONG_RANGE;
    }

    @Override
    public Codec<Long> outputCodec() {
        return Codecs.LONG;
    }

    @Override
    public void process(LongRange numbers, Emitter<Long> out) {
        long primes = 0;
        for (long n = numbers.from(); n <= numbers.to(); n += numbers.step()) {
            if (isPrime(n)) {
                primes++;
            }
        }
        out.emit(primes);
    }

    /** Trial division up to sqrt(n). */
    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
