package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.api.Aggregate;
import dev.sluice.api.KeyCount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        for (KeyCount partial : List.of(new KeyCount("b", 2), new KeyCount("a", 2), new KeyCount("c", 1),
                new KeyCount("b", 1))) {
            counts.accept(partial);
        }
        WordCountAggregate restored = roundTrip(counts, new WordCountAggregate(), output);

        restored.finish();

        assertEquals("b\t3\na\t2\nc\t1\n", Files.readString(output));
    }

    @Test
    void shouldSnapshotAndRestoreWordsOfAnyLength() throws Exception {
        Path output = dir.resolve("wc.tsv");
        String longWord = "x".repeat(70_000) + "ü"; // past writeUTF's 65,535 bytes
        WordCountAggregate counts = new WordCountAggregate();
        counts.open(new TestContext(Map.of("output", output.toString())));
        counts.accept(new KeyCount(longWord, 2));
        counts.accept(new KeyCount("short", 1));

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
        for (long i = 1; i <= 100; i++) {
            longs.accept(i);
        }
        assertEquals(5050L, roundTrip(longs, new SumAggregate(), dir.resolve("sum.txt")).finish());
        assertEquals("5050\n", Files.readString(dir.resolve("sum.txt")));

        SumAggregate doubles = new SumAggregate();
        doubles.open(new TestContext(Map.of("of", "double")));
        doubles.accept(1e16);
        doubles.accept(1.0);
        doubles.accept(-1e16);
        assertEquals(1.0, doubles.finish());
    }

    @Test
    void shouldCountAndCollectRecords() throws Exception {
        CountAggregate count = new CountAggregate();
        count.open(new TestContext(Map.of()));
        for (int i = 0; i < 7; i++) {
            count.accept(null);
        }
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
        List<Long> seen = new ArrayList<>();
        range.read(seen::add, 2);
        RangeSource resumed = new RangeSource();
        resumed.open(new TestContext(Map.of("from", "5", "to", "14", "step", "3")));
        resumed.seek(range.position());
        while (resumed.read(seen::add, 10)) {
            // keep reading
        }
        assertEquals(List.of(5L, 8L, 11L, 14L), seen);
    }

    private static <A extends Aggregate<?>> A roundTrip(A from, A to, Path output) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        from.snapshot(bytes);
        to.open(new TestContext(Map.of("output", output.toString())));
        to.restore(new ByteArrayInputStream(bytes.toByteArray()));
        return to;
    }
}
