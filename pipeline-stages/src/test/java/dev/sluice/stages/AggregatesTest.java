package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codecs;
import dev.sluice.api.KeyCount;
import dev.sluice.api.LongRange;
import dev.sluice.api.RecordList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatesTest {
    @TempDir
    Path dir;

    @Test
    void shouldMergePartialWordCountsAndSortByCountThenWord() throws Exception {
        Path output = dir.resolve("wc.tsv");
        WordCountAggregate counts = new WordCountAggregate();
        counts.open(new TestContext(Map.of("output", output.toString())));
        counts.accept(RecordList.of(Codecs.KEY_COUNT, new KeyCount("b", 2), new KeyCount("a", 2),
                new KeyCount("c", 1), new KeyCount("b", 1), new KeyCount("ü", 2)));
        WordCountAggregate restored = roundTrip(counts, new WordCountAggregate(), output);

        restored.finish();

        assertEquals("b\t3\na\t2\nü\t2\nc\t1\n", Files.readString(output));
    }

    @Test
    void shouldGiveTheSameWordCountsMergedFromPartitionsAsFromOne() throws Exception {
        Path whole = dir.resolve("whole.tsv");
        Path merged = dir.resolve("merged.tsv");
        WordCountAggregate one = new WordCountAggregate();
        one.open(new TestContext(Map.of("output", whole.toString())));
        WordCountAggregate[] partitions = {new WordCountAggregate(), new WordCountAggregate()};
        partitions[0].open(new TestContext(Map.of("output", merged.toString())));
        partitions[1].open(new TestContext(Map.of("output", merged.toString())));
        for (int i = 0; i < 5000; i++) {
            KeyCount partial = new KeyCount("w" + (i * 7919 % 1300), 1 + i % 3);
            one.accept(RecordList.of(Codecs.KEY_COUNT, partial));
            partitions[i % 2].accept(RecordList.of(Codecs.KEY_COUNT, partial));
        }
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        partitions[1].snapshot(second);
        partitions[0].merge(new ByteArrayInputStream(second.toByteArray()));

        assertEquals(one.finish().toString().replace(whole.toString(), ""),
                partitions[0].finish().toString().replace(merged.toString(), ""));
        assertEquals(Files.readString(whole), Files.readString(merged));
    }

    @Test
    void shouldSnapshotAndRestoreWordsOfAnyLength() throws Exception {
        Path output = dir.resolve("wc.tsv");
        String longWord = "x".repeat(70_000) + "ü"; // past writeUTF's 65,535 bytes
        WordCountAggregate counts = new WordCountAggregate();
        counts.open(new TestContext(Map.of("output", output.toString())));
        counts.accept(RecordList.of(Codecs.KEY_COUNT, new KeyCount(longWord, 2), new KeyCount("short", 1)));

        roundTrip(counts, new WordCountAggregate(), output).finish();

        assertEquals(longWord + "\t2\nshort\t1\n", Files.readString(output));
    }

    @Test
    void shouldRestoreAWordCountSnapshotOfTheEarlierFormat() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream old = new DataOutputStream(bytes);
        old.writeInt(1);
        old.writeUTF("word");
        old.writeLong(5);
        Path output = dir.resolve("wc.tsv");
        WordCountAggregate counts = new WordCountAggregate();
        counts.open(new TestContext(Map.of("output", output.toString())));

        counts.restore(new ByteArrayInputStream(bytes.toByteArray()));
        counts.finish();

        assertEquals("word\t5\n", Files.readString(output));
    }

    @Test
    void shouldSumLongsAndDoublesAndWriteTheSum() throws Exception {
        SumAggregate longs = new SumAggregate();
        longs.open(new TestContext(Map.of("output", dir.resolve("sum.txt").toString())));
        RecordList numbers = new RecordList();
        for (long i = 1; i <= 100; i++) {
            numbers.emitLong(i);
        }
        longs.accept(numbers);
        assertEquals(5050L, roundTrip(longs, new SumAggregate(), dir.resolve("sum.txt")).finish());
        assertEquals("5050\n", Files.readString(dir.resolve("sum.txt")));

        SumAggregate doubles = new SumAggregate();
        doubles.open(new TestContext(Map.of("of", "double")));
        doubles.accept(RecordList.of(Codecs.DOUBLE, 1e16, 1.0, -1e16));
        assertEquals(1.0, doubles.finish());
    }

    @Test
    void shouldMergeSumsAndCounts() throws Exception {
        SumAggregate a = new SumAggregate();
        SumAggregate b = new SumAggregate();
        a.open(new TestContext(Map.of()));
        b.open(new TestContext(Map.of()));
        a.accept(RecordList.of(Codecs.LONG, 1L, 2L));
        b.accept(RecordList.of(Codecs.LONG, 40L));
        a.merge(snapshotOf(b));
        assertEquals(43L, a.finish());

        CountAggregate c = new CountAggregate();
        CountAggregate d = new CountAggregate();
        c.open(new TestContext(Map.of()));
        d.open(new TestContext(Map.of()));
        c.accept(RecordList.of(Codecs.STRING, "x", "y"));
        d.accept(RecordList.of(Codecs.STRING, "z"));
        c.merge(snapshotOf(d));
        assertEquals(3L, c.finish());
    }

    @Test
    void shouldCountAndCollectRecords() throws Exception {
        CountAggregate count = new CountAggregate();
        count.open(new TestContext(Map.of()));
        count.accept(RecordList.of(Codecs.LONG, 1L, 2L, 3L, 4L, 5L, 6L, 7L));
        assertEquals(7L, count.finish());

        Path output = dir.resolve("out/collected.txt");
        CollectAggregate collect = new CollectAggregate();
        collect.open(new TestContext(Map.of("output", output.toString(), "codec", "long")));
        collect.accept(3L);
        collect.accept(1L);
        assertEquals(2L, collect.finish());
        assertEquals(List.of("3", "1"), Files.readAllLines(output));
    }

    @Test
    void shouldEmitARangeAndResumeFromItsPosition() {
        RangeSource range = new RangeSource();
        range.open(new TestContext(Map.of("from", "5", "to", "14", "step", "3")));
        RecordList seen = new RecordList();
        range.read(seen, 2);
        RangeSource resumed = new RangeSource();
        resumed.open(new TestContext(Map.of("from", "5", "to", "14", "step", "3")));
        resumed.seek(range.position());
        while (resumed.read(seen, 10)) {
            // keep reading
        }
        assertEquals(List.of(5L, 8L, 11L, 14L), seen.decode(Codecs.LONG));
    }

    @Test
    void shouldEmitChunksOfARangeAsTasksCoveringEveryNumberOnce() {
        RangeSource range = new RangeSource();
        range.open(new TestContext(Map.of("from", "5", "to", "30", "step", "3", "chunk", "4")));
        RecordList tasks = new RecordList();
        assertEquals(true, range.read(tasks, 1000)); // one task per read: one task per document
        RangeSource resumed = new RangeSource();
        resumed.open(new TestContext(Map.of("from", "5", "to", "30", "step", "3", "chunk", "4")));
        resumed.seek(range.position());
        while (resumed.read(tasks, 1000)) {
            // keep reading
        }
        assertEquals(List.of(new LongRange(5, 14, 3), new LongRange(17, 26, 3), new LongRange(29, 29, 3)),
                tasks.decode(Codecs.LONG_RANGE));
    }

    private static ByteArrayInputStream snapshotOf(Aggregate<?> aggregate) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        aggregate.snapshot(bytes);
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static <A extends Aggregate<?>> A roundTrip(A from, A to, Path output) throws Exception {
        to.open(new TestContext(Map.of("output", output.toString())));
        to.restore(snapshotOf(from));
        return to;
    }
}
