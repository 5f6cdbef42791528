package dev.sluice.bench;

import dev.sluice.api.Codecs;
import dev.sluice.config.MetricsSettings;
import dev.sluice.counters.CounterSpec;
import dev.sluice.counters.InputField;
import dev.sluice.counters.RunCounters;
import dev.sluice.metrics.DocumentMetrics;
import dev.sluice.metrics.SlotMetrics;
import dev.sluice.queue.DocumentReader;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import dev.sluice.queue.QueueFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link FramingBenchmark}'s batch with what a stage's metrics add per document (the latency histograms of an
 * aggregate, which records all three measures, the bytes and consumption counters, the duty-cycle clock): their
 * cost where it shows most, on framing with no work at all. Scores are records per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MeasuredFramingBenchmark {
    private static final int RECORDS = 1024;

    private Path dir;
    private RunCounters counters;
    private SlotMetrics metrics;
    private DocumentMetrics documents;
    private DocumentWriter writer;
    private DocumentReader reader;
    private OutputBatch<Long> output;
    private long sum;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = TempDirectory.create();
        counters = RunCounters.create(dir.resolve("control.dat"), "bench", List.of(new CounterSpec("bench", 1, 1)));
        metrics = SlotMetrics.start(MetricsSettings.DEFAULT, dir.resolve("metrics"), "bench", 0, counters.slot(0, 0),
                true, List.of(new DocumentMetrics.ConsumedInput(counters.inputConsumed(0, 0, InputField.DOCS),
                        counters.inputConsumed(0, 0, InputField.RECORDS))));
        documents = metrics.documents();
        metrics.clock().begin();
        writer = new DocumentWriter(QueueFiles.open(dir.resolve("queue")));
        reader = new DocumentReader(QueueFiles.open(dir.resolve("queue")));
        output = new OutputBatch<>(Codecs.LONG);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        output.close();
        reader.close();
        writer.close();
        metrics.close();
        counters.close();
        TempDirectory.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long appendAndReadABatchMeasured() throws Exception {
        output.begin(0, 0, 0, 0);
        for (long i = 0; i < RECORDS; i++) {
            output.emit(i);
        }
        writer.append(output);
        reader.next();
        documents.taken(reader.header);
        reader.records(Codecs.LONG, value -> sum += value);
        reader.done();
        documents.processed(0, reader.header, reader.documentLength());
        metrics.clock().cycle(1);
        return sum;
    }

    /** The metrics' own work for one document alone, in nanoseconds: the numerator of their cost per document. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void metricsOfADocument() {
        documents.taken(reader.header);
        documents.processed(0, reader.header, 8 * RECORDS);
        metrics.clock().cycle(1);
    }
}
