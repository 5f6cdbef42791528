package dev.sluice.examples.bench;

import dev.sluice.config.IdleMode;
import dev.sluice.config.YamlChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.IdleStrategy;

/**
 * What config/latency.yaml and config/latency-hop.yaml are compared with: the same chains in raw Chronicle Queue, one
 * message per record, the same pacing and idle strategy as the Sluice stages, and no framework in between.
 * {@code source DIR RATE COUNT READERS IDLE} appends epoch-nanosecond times to {@code DIR/a} at RATE per second;
 * {@code relay DIR COUNT WARMUP IDLE} tails {@code a}, records the hop and appends the time to {@code DIR/b};
 * {@code sink DIR COUNT WARMUP IDLE} tails {@code b} and records end to end (three JVMs: source, relay, sink);
 * {@code hop-sink DIR COUNT WARMUP IDLE} tails {@code a} and records the hop (two JVMs: source, hop-sink). Readers
 * print their summary. The source starts its clock once its READERS readers have their queues open (each leaves a
 * {@code ready-} file), as {@link PacedSource} does once the other stages run: records emitted while a reader's JVM
 * still starts would measure its start-up, not the chain.
 */
public final class RawChronicleLatency {
    private static final long READY_TIMEOUT_MS = 120_000;

    private RawChronicleLatency() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        IdleMode mode = YamlChoice.find(IdleMode.class, args[args.length - 1]);
        if (mode == null) {
            throw new IllegalArgumentException("idle: " + YamlChoice.spellings(IdleMode.class) + ", not " + args[args.length - 1]);
        }
        IdleStrategy idle = mode.newStrategy();
        switch (args[0]) {
            case "source" -> source(dir.resolve("a"), Long.parseLong(args[2]), Long.parseLong(args[3]),
                    Integer.parseInt(args[4]), idle);
            case "relay" -> System.out.println("hop: " + forward(dir.resolve("a"), dir.resolve("b"),
                    Long.parseLong(args[2]), Long.parseLong(args[3]), idle, dir.resolve("ready-relay")));
            case "sink" -> System.out.println("end: " + forward(dir.resolve("b"), null, Long.parseLong(args[2]),
                    Long.parseLong(args[3]), idle, dir.resolve("ready-sink")));
            case "hop-sink" -> System.out.println("hop: " + forward(dir.resolve("a"), null, Long.parseLong(args[2]),
                    Long.parseLong(args[3]), idle, dir.resolve("ready-hop-sink")));
            default -> throw new IllegalArgumentException("source, relay, sink or hop-sink, not " + args[0]);
        }
    }

    private static SingleChronicleQueue open(Path dir) {
        return SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_HOURLY).build();
    }

    private static void source(Path out, long rate, long count, int readers, IdleStrategy idle) {
        long interval = 1_000_000_000L / rate;
        try (SingleChronicleQueue queue = open(out); ExcerptAppender appender = queue.createAppender()) {
            awaitReady(out.getParent(), readers);
            long start = System.nanoTime();
            for (long emitted = 0; emitted < count; ) {
                long due = Math.min(count, (System.nanoTime() - start) / interval + 1);
                if (emitted == due) {
                    idle.idle(0);
                    continue;
                }
                idle.reset();
                for (; emitted < due; emitted++) {
                    try (DocumentContext dc = appender.writingDocument()) {
                        dc.wire().bytes().writeLong(EpochNanos.now());
                    }
                }
            }
        }
    }

    private static void awaitReady(Path dir, int readers) {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (readyFiles(dir) < readers && System.currentTimeMillis() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static long readyFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ready-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tails {@code in} for {@code count} times, recording each; appends them to {@code out} unless it is null. */
    private static String forward(Path in, Path out, long count, long warmup, IdleStrategy idle, Path ready) {
        LatencyRecorder recorder = new LatencyRecorder(warmup);
        try (SingleChronicleQueue input = open(in); ExcerptTailer tailer = input.createTailer();
             SingleChronicleQueue output = out == null ? null : open(out);
             ExcerptAppender appender = output == null ? null : output.createAppender()) {
            try {
                Files.createFile(ready);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (long read = 0; read < count; ) {
                long emitted;
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        idle.idle(0);
                        continue;
                    }
                    emitted = dc.wire().bytes().readLong();
                }
                idle.reset();
                recorder.record(emitted);
                read++;
                if (appender != null) {
                    try (DocumentContext dc = appender.writingDocument()) {
                        dc.wire().bytes().writeLong(emitted);
                    }
                }
            }
        }
        return recorder.summary();
    }
}
