package dev.sluice.examples;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;

/**
 * Counts the primes in each batch by trial division up to sqrt(n), the classic Pool.map example,
 * and emits one count per batch (a combiner) for a {@code sum} aggregate.
 */
public final class PrimeCounter implements Processor<Long, Long> {
    private long primes;
    private boolean seen;

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
        seen = true;
        if (isPrime(n)) {
            primes++;
        }
    }

    @Override
    public void flush(Emitter<Long> out) {
        if (seen) {
            out.emit(primes);
        }
        primes = 0;
        seen = false;
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
