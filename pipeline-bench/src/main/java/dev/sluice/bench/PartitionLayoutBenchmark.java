package dev.sluice.bench;

import dev.sluice.api.ByteView;
import dev.sluice.api.Codecs;
import dev.sluice.api.KeyCount;
import dev.sluice.config.QueueSettings;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Two ways to route a worker's partial counts to N aggregate partitions (DESIGN.md section 12): one
 * document with a section per partition, which every partition opens and reads its section of; or one
 * queue per partition, a document appended to each. A batch of 1024 key-count records is written, then
 * every partition reads its records in place. Scores are records per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PartitionLayoutBenchmark {
    private static final int RECORDS = 1024;

    @Param({"2", "4"})
    public int partitions;

    private Path dir;
    private ByteView[] words;
    private DocumentWriter sectioned;
    private OutputBatch<KeyCount> sections;
    private DocumentReader[] sectionReaders;
    private DocumentWriter[] writers;
    private OutputBatch<KeyCount>[] batches;
    private DocumentReader[] queueReaders;
    private long bytes;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void open() throws IOException {
        dir = TempDirectory.create();
        Vocabulary vocabulary = new Vocabulary(433_000);
        words = new ByteView[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            words[i] = ByteView.of(vocabulary.next());
        }
        sectioned = new DocumentWriter(QueueFiles.open(dir.resolve("sectioned")), partitions);
        sections = new OutputBatch<>(Codecs.KEY_COUNT, QueueSettings.DEFAULT, partitions);
        sectionReaders = new DocumentReader[partitions];
        writers = new DocumentWriter[partitions];
        @SuppressWarnings("unchecked") // Java makes no generic arrays: one of wildcards, each element typed below
        OutputBatch<KeyCount>[] typed = (OutputBatch<KeyCount>[]) new OutputBatch<?>[partitions];
        batches = typed;
        queueReaders = new DocumentReader[partitions];
        for (int p = 0; p < partitions; p++) {
            sectionReaders[p] = new DocumentReader(QueueFiles.open(dir.resolve("sectioned")), p);
            writers[p] = new DocumentWriter(QueueFiles.open(dir.resolve("queue-" + p)));
            batches[p] = new OutputBatch<>(Codecs.KEY_COUNT);
            queueReaders[p] = new DocumentReader(QueueFiles.open(dir.resolve("queue-" + p)));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        for (int p = 0; p < partitions; p++) {
            sectionReaders[p].close();
            queueReaders[p].close();
            writers[p].close();
            batches[p].close();
        }
        sectioned.close();
        sections.close();
        TempDirectory.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long sectionPerPartition() {
        sections.begin(0, 0, 0, 0);
        for (int i = 0; i < RECORDS; i++) {
            sections.emitKeyCount(words[i], 0, words[i].length(), i);
        }
        sectioned.append(sections);
        for (DocumentReader reader : sectionReaders) {
            read(reader);
        }
        return bytes;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long queuePerPartition() {
        for (OutputBatch<KeyCount> batch : batches) {
            batch.begin(0, 0, 0, 0);
        }
        for (int i = 0; i < RECORDS; i++) {
            ByteView word = words[i];
            int p = (int) (((word.hash(0, word.length()) >>> 32) * partitions) >>> 32);
            batches[p].emitKeyCount(word, 0, word.length(), i);
        }
        for (int p = 0; p < partitions; p++) {
            writers[p].append(batches[p]);
            read(queueReaders[p]);
        }
        return bytes;
    }

    private void read(DocumentReader reader) {
        reader.next();
        DocumentRecords records = reader.batch();
        while (records.next()) {
            bytes += records.record().length();
        }
        reader.done();
    }
}
