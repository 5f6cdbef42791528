package dev.sluice.examples.bench;

import java.util.stream.LongStream;

/** The plain-Java baseline for primes: the same trial division as a parallel stream in one JVM. */
public final class ParallelStreamPrimes {
    private ParallelStreamPrimes() {
    }

    public static void main(String[] args) {
        long from = Long.parseLong(args[0]);
        long to = Long.parseLong(args[1]);
        System.out.println(LongStream.rangeClosed(from, to).parallel().filter(ParallelStreamPrimes::isPrime).count());
    }

    static boolean isPrime(long n) {
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
