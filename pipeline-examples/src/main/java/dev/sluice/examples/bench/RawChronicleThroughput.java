package dev.sluice.examples.bench;

import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The baseline Sluice's transport is measured against: raw Chronicle Queue, one 16-byte message per
 * document, appended in one JVM and tailed in another ({@code write DIR N} and {@code read DIR N}).
 * Each prints the epoch-nanosecond time it started or finished, so the bench computes the rate across both.
 */
public final class RawChronicleThroughput {
    private RawChronicleThroughput() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        long n = Long.parseLong(args[2]);
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_HOURLY)
                .blockSize(16L << 20).build()) {
            if (args[0].equals("write")) {
                write(queue, n);
            } else {
                read(queue, n);
            }
        }
    }

    private static void write(SingleChronicleQueue queue, long n) {
        try (ExcerptAppender appender = queue.createAppender()) {
            System.out.println("start " + epochNanos());
            for (long i = 0; i < n; i++) {
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().writeLong(i).writeLong(~i);
                }
            }
        }
    }

    private static void read(SingleChronicleQueue queue, long n) {
        long sum = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            for (long read = 0; read < n; ) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (dc.isPresent()) {
                        sum += dc.wire().bytes().readLong();
                        read++;
                    }
                }
            }
        }
        System.out.println("end " + epochNanos() + " checksum " + sum);
    }

    private static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
