package dev.sluice.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/** Records now minus a record's emit time into an HdrHistogram (microseconds), after a warm-up. */
final class LatencyRecorder {
    private final Histogram histogram = new Histogram(60_000_000L, 3);
    private final long warmup;
    private long seen;

    LatencyRecorder(long warmup) {
        this.warmup = warmup;
    }

    void record(long emittedEpochNanos) {
        if (seen++ >= warmup) {
            histogram.recordValue(Math.max(0, (EpochNanos.now() - emittedEpochNanos) / 1000));
        }
    }

    String summary() {
        return String.format("p50=%d p99=%d p99.9=%d max=%d us (%d samples)", histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
                histogram.getTotalCount());
    }

    /** Writes the percentile distribution (.hgrm, in microseconds) and returns the summary. */
    String write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(file))) {
            out.println("# " + summary());
            histogram.outputPercentileDistribution(out, 1.0);
        }
        return summary();
    }
}
