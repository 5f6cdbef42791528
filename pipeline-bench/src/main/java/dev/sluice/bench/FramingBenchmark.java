package dev.sluice.bench;

import dev.sluice.api.Codecs;
import dev.sluice.queue.DocumentReader;
import dev.sluice.queue.DocumentRecords;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import dev.sluice.queue.QueueFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Sluice's framing in one JVM: a batch of 8-byte records encoded, appended as one Chronicle document,
 * then read back, through the codec (boxed Longs) or in place (primitive longs). Scores are records per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FramingBenchmark {
    private static final int RECORDS = 1024;

    private Path dir;
    private DocumentWriter writer;
    private DocumentReader reader;
    private OutputBatch<Long> output;
    private long sum;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = TempDirectory.create();
        writer = new DocumentWriter(QueueFiles.open(dir));
        reader = new DocumentReader(QueueFiles.open(dir));
        output = new OutputBatch<>(Codecs.LONG);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        output.close();
        reader.close();
        writer.close();
        TempDirectory.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long appendAndReadABatch() throws Exception {
        output.begin(0, 0, 0, 0);
        for (long i = 0; i < RECORDS; i++) {
            output.emit(i);
        }
        writer.append(output);
        reader.next();
        reader.records(Codecs.LONG, value -> sum += value);
        reader.done();
        return sum;
    }

    /** The same batch read in place, primitive longs with no codec and no boxing. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long appendAndReadABatchInPlace() throws Exception {
        output.begin(0, 0, 0, 0);
        for (long i = 0; i < RECORDS; i++) {
            output.emitLong(i);
        }
        writer.append(output);
        reader.next();
        DocumentRecords records = reader.batch();
        while (records.next()) {
            sum += records.record().asLong();
        }
        reader.done();
        return sum;
    }
}
