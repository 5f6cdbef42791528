package dev.sluice.bench;

import dev.sluice.api.ByteView;
import dev.sluice.api.Codecs;
import dev.sluice.api.KeyCount;
import dev.sluice.api.Options;
import dev.sluice.api.RecordList;
import dev.sluice.queue.DocumentReader;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.queue.OutputBatch;
import dev.sluice.queue.QueueFiles;
import dev.sluice.stages.WordCountAggregate;
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
 * The {@code word-count} aggregate merging partial counts read in place from a queue document (4096
 * {@code key-count} records of a 433k-word vocabulary), its table already holding every word, as late
 * in a real run. Scores are partial counts merged per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WordCountMergeBenchmark {
    private static final int RECORDS = 4096;
    private static final int DOCUMENTS = 64;

    private Path dir;
    private DocumentReader reader;
    private final WordCountAggregate aggregate = new WordCountAggregate();

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = TempDirectory.create();
        aggregate.open(new BenchContext(dir.resolve("out.tsv")));
        Vocabulary vocabulary = new Vocabulary(433_000);
        RecordList all = new RecordList();
        for (byte[] word : vocabulary.words) {
            all.emitKeyCount(ByteView.of(word), 0, word.length, 1);
        }
        aggregate.accept(all);
        try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(dir.resolve("q")));
             OutputBatch<KeyCount> batch = new OutputBatch<>(Codecs.KEY_COUNT)) {
            for (int d = 0; d < DOCUMENTS; d++) {
                batch.begin(0, d, d, 0);
                for (int i = 0; i < RECORDS; i++) {
                    byte[] word = vocabulary.next();
                    batch.emitKeyCount(ByteView.of(word), 0, word.length, 1 + i % 7);
                }
                writer.append(batch);
            }
        }
        reader = new DocumentReader(QueueFiles.open(dir.resolve("q")));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        reader.close();
        TempDirectory.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void mergeADocument() {
        if (!reader.next()) {
            reader.close();
            reader = new DocumentReader(QueueFiles.open(dir.resolve("q")));
            reader.next();
        }
        aggregate.accept(reader.batch());
        reader.done();
    }

    /** Options for the aggregate: just its output. */
    private record BenchContext(Path output) implements dev.sluice.api.StageContext, Options {
        public String pipelineName() { return "bench"; }
        public String stageName() { return "count"; }
        public int workerIndex() { return 0; }
        public int workerCount() { return 1; }
        public Options options() { return this; }
        public org.slf4j.Logger logger() { return org.slf4j.LoggerFactory.getLogger("bench"); }
        public Path runDirectory() { return output.getParent(); }
        public dev.sluice.api.SharedState shared() { throw new UnsupportedOperationException(); }
        public boolean has(String key) { return key.equals("output"); }
        public java.util.Set<String> keys() { return java.util.Set.of("output"); }
        public String getString(String key) { return output.toString(); }
        public String getString(String key, String defaultValue) { return has(key) ? getString(key) : defaultValue; }
        public long getLong(String key) { throw new UnsupportedOperationException(key); }
        public long getLong(String key, long defaultValue) { return defaultValue; }
        public double getDouble(String key, double defaultValue) { return defaultValue; }
        public long getSize(String key, long defaultBytes) { return defaultBytes; }
        public boolean getBoolean(String key, boolean defaultValue) { return defaultValue; }
        public Path getPath(String key) { return output; }
        public java.util.List<String> getList(String key) { return java.util.List.of(getString(key)); }
        public dev.sluice.api.ConfigException error(String key, String message) {
            return new dev.sluice.api.ConfigException(message);
        }
    }
}
