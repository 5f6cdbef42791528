package dev.sluice.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountTableTest {
    @Test
    void shouldCountAsAHashMapDoesThroughGrowthAndClears() throws Exception {
        Random random = new Random(7);
        CountTable table = new CountTable(4);
        Map<String, Long> expected = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            table.clear();
            expected.clear();
            for (int i = 0; i < 50_000; i++) {
                String key = i % 1000 == 0 ? "" : "k" + (int) Math.abs(random.nextGaussian() * 3000)
                        + (i % 17 == 0 ? "_é" : "") + (i % 5 == 0 ? "-a-longer-key-than-16-bytes" : "")
                        + (i % 3 == 0 ? "12345678" : "");
                byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
                byte[] padded = new byte[bytes.length + 6];
                System.arraycopy(bytes, 0, padded, 3, bytes.length);
                long delta = 1 + i % 3;
                assertEquals(expected.merge(key, delta, Long::sum),
                        table.add(ByteView.of(padded), 3, bytes.length, delta), key);
            }
            assertEquals(expected.size(), table.size());
            assertEquals(expected, asMap(table));
        }
        byte[] absent = "absent".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, table.get(ByteView.of(absent), 0, absent.length));
    }

    @Test
    void shouldSortByCountThenKeyBytes() {
        CountTable table = new CountTable();
        for (String key : List.of("b", "a", "c", "b", "ab", "a", "z", "z")) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            table.add(ByteView.of(bytes), 0, bytes.length, 1);
        }
        List<String> sorted = new ArrayList<>();
        for (int entry : table.sortedByCount()) {
            sorted.add(table.key(entry).utf8() + "=" + table.count(entry));
        }
        assertEquals(List.of("a=2", "b=2", "z=2", "ab=1", "c=1"), sorted);

        List<Map.Entry<String, Long>> big = new ArrayList<>();
        CountTable many = new CountTable();
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            byte[] key = ("w" + random.nextInt(100_000)).getBytes(StandardCharsets.UTF_8);
            many.add(ByteView.of(key), 0, key.length, random.nextInt(20));
        }
        asMap(many).entrySet().forEach(big::add);
        big.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
        int[] order = many.sortedByCount();
        for (int i = 0; i < order.length; i++) {
            assertEquals(big.get(i).getKey(), many.key(order[i]).utf8());
        }
    }

    @Test
    void shouldSortKeysThatShareTheirFirstEightBytesOrHaveHighBytesInByteOrder() {
        List<byte[]> keys = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 3000; i++) {
            // short and long keys (over 16 bytes live outside the slot), common prefixes, bytes above 0x7F and NULs
            byte[] key = new byte[1 + random.nextInt(24)];
            for (int j = 0; j < key.length; j++) {
                key[j] = j < 6 && random.nextBoolean() ? (byte) 'p' : (byte) (random.nextInt(4) * 0x50);
            }
            keys.add(key);
        }
        CountTable table = new CountTable();
        Map<String, long[]> expected = new HashMap<>();
        for (byte[] key : keys) {
            long delta = 1 + random.nextInt(3);
            table.add(ByteView.of(key), 0, key.length, delta);
            expected.computeIfAbsent(new String(key, StandardCharsets.ISO_8859_1), k -> new long[1])[0] += delta;
        }
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(expected.entrySet());
        sorted.sort((x, y) -> x.getValue()[0] != y.getValue()[0] ? Long.compare(y.getValue()[0], x.getValue()[0])
                : java.util.Arrays.compareUnsigned(x.getKey().getBytes(StandardCharsets.ISO_8859_1),
                        y.getKey().getBytes(StandardCharsets.ISO_8859_1)));
        int[] order = table.sortedByCount();
        assertEquals(sorted.size(), order.length);
        for (int i = 0; i < order.length; i++) {
            ByteView key = table.key(order[i]);
            byte[] bytes = new byte[key.length()];
            key.copyTo(0, bytes, 0, bytes.length);
            assertEquals(sorted.get(i).getKey(), new String(bytes, StandardCharsets.ISO_8859_1), "at " + i);
            assertEquals(sorted.get(i).getValue()[0], table.count(order[i]));
        }
    }

    @Test
    void shouldWriteKeyCountRecordsAndRoundTripThroughItsSnapshot() throws Exception {
        CountTable table = new CountTable();
        for (String key : List.of("x", "y", "x", "ü")) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            table.add(ByteView.of(bytes), 0, bytes.length, 1);
        }
        RecordList records = new RecordList();
        table.writeTo(records);
        assertEquals(List.of(new KeyCount("x", 2), new KeyCount("y", 1), new KeyCount("ü", 1)),
                records.decode(Codecs.KEY_COUNT));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.writeTo(new DataOutputStream(bytes));
        CountTable restored = new CountTable();
        restored.addFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        restored.addFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(Map.of("x", 4L, "y", 2L, "ü", 2L), asMap(restored));

        CountTable large = new CountTable(); // a snapshot larger than the empty table: restored into one resize
        for (int i = 0; i < 5000; i++) {
            byte[] key = ("word-number-" + i * 31).getBytes(StandardCharsets.UTF_8);
            large.add(ByteView.of(key), 0, key.length, i % 7 + 1);
        }
        ByteArrayOutputStream largeBytes = new ByteArrayOutputStream();
        large.writeTo(new DataOutputStream(largeBytes));
        CountTable largeRestored = new CountTable();
        largeRestored.addFrom(new DataInputStream(new ByteArrayInputStream(largeBytes.toByteArray())));
        assertEquals(asMap(large), asMap(largeRestored));
    }

    private static Map<String, Long> asMap(CountTable table) {
        Map<String, Long> map = new HashMap<>();
        for (int e = 0; e < table.size(); e++) {
            map.put(table.key(e).utf8(), table.count(e));
        }
        return map;
    }
}
