package dev.sluice.examples.bench;

import dev.sluice.examples.PrimeCounter;
import java.util.stream.LongStream;

/** The plain-Java baseline for primes: the same trial division as a parallel stream in one JVM. */
public final class ParallelStreamPrimes {
    private ParallelStreamPrimes() {
    }

    public static void main(String[] args) {
        long from = Long.parseLong(args[0]);
        long to = Long.parseLong(args[1]);
        System.out.println(LongStream.rangeClosed(from, to).parallel().filter(PrimeCounter::isPrime).count());
    }
}
