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
    }

    private static Map<String, Long> asMap(CountTable table) {
        Map<String, Long> map = new HashMap<>();
        for (int e = 0; e < table.size(); e++) {
            map.put(table.key(e).utf8(), table.count(e));
        }
        return map;
    }
}
