package dev.sluice.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Row;
import dev.sluice.api.RowSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * group-by, top-k and distinct against computations written here independently (BigDecimal sums,
 * sorting, a HashSet), on generated rows with nulls and Unicode; and each one's snapshot restored
 * into a new instance midway gives exactly the uninterrupted result.
 */
class RowAggregatesTest {
    private static final RowSchema SCHEMA = RowSchema.builder().string("city").longField("qty")
            .doubleField("price").string("tag").build();
    private static final String[] CITIES = {"Zürich", "東京", "Lyon", "São Paulo", "Oslo", "x".repeat(70_000)};

    @TempDir
    Path dir;

    private static List<Row> rows(int n, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Row.of(SCHEMA, random.nextInt(20) == 0 ? null : CITIES[random.nextInt(CITIES.length)],
                    random.nextInt(10) == 0 ? null : (long) random.nextInt(1000) - 100,
                    random.nextInt(10) == 0 ? null : random.nextGaussian() * 1e4,
                    "t" + random.nextInt(300)));
        }
        return rows;
    }

    @Test
    void groupByShouldMatchAnIndependentComputation() throws Exception {
        List<Row> rows = rows(20_000, 1);
        Path out = dir.resolve("g.csv");
        String value = run(() -> new GroupByAggregate(), Map.of("key", "city", "sum", "price,qty", "min", "qty",
                "max", "price", "mean", "qty", "output", out.toString()), rows);

        Map<String, List<Row>> byCity = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        rows.forEach(r -> byCity.computeIfAbsent(r.getString("city"), c -> new ArrayList<>()).add(r));
        StringBuilder expected = new StringBuilder("city,count,sum_price,sum_qty,min_qty,max_price,mean_qty\n");
        byCity.forEach((city, group) -> {
            BigDecimal price = BigDecimal.ZERO;
            long qty = 0;
            long qtyCount = 0;
            long minQty = Long.MAX_VALUE;
            double maxPrice = Double.NEGATIVE_INFINITY;
            for (Row r : group) {
                if (!r.isNull("price")) {
                    price = price.add(new BigDecimal(r.getDouble("price")));
                    maxPrice = Math.max(maxPrice, r.getDouble("price"));
                }
                if (!r.isNull("qty")) {
                    qty += r.getLong("qty");
                    qtyCount++;
                    minQty = Math.min(minQty, r.getLong("qty"));
                }
            }
            expected.append(city == null ? "" : city.contains(",") ? "\"" + city + "\"" : city).append(',')
                    .append(group.size()).append(',').append(price.doubleValue()).append(',').append(qty).append(',')
                    .append(minQty).append(',').append(maxPrice).append(',')
                    .append(new BigDecimal(qty).doubleValue() / qtyCount).append('\n');
        });
        assertEquals(expected.toString(), Files.readString(out));
        assertEquals(byCity.size() + " group(s), written to " + out, value);
    }

    @Test
    void topKShouldRankGroupsByCountAndBySumAndRowsByAField() throws Exception {
        List<Row> rows = rows(20_000, 2);
        Path byCount = dir.resolve("count.csv");
        run(() -> new TopKAggregate(), Map.of("k", "5", "key", "tag", "output", byCount.toString()), rows);
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.getString("tag"), 1L, Long::sum));
        StringBuilder expected = new StringBuilder("tag,count\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(5)
                .forEach(e -> expected.append(e.getKey()).append(',').append(e.getValue()).append('\n'));
        assertEquals(expected.toString(), Files.readString(byCount));

        Path bySum = dir.resolve("sum.jsonl");
        run(() -> new TopKAggregate(), Map.of("k", "3", "key", "tag", "by", "qty", "order", "asc",
                "output", bySum.toString()), rows);
        Map<String, long[]> sums = new HashMap<>();
        rows.forEach(r -> {
            long[] s = sums.computeIfAbsent(r.getString("tag"), t -> new long[2]);
            s[0]++;
            s[1] += r.isNull("qty") ? 0 : r.getLong("qty");
        });
        StringBuilder expectedSums = new StringBuilder();
        sums.entrySet().stream().sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[1])
                .thenComparing(Map.Entry::getKey)).limit(3).forEach(e -> expectedSums.append("{\"tag\":\"")
                .append(e.getKey()).append("\",\"count\":").append(e.getValue()[0]).append(",\"sum_qty\":")
                .append(e.getValue()[1]).append("}\n"));
        assertEquals(expectedSums.toString(), Files.readString(bySum));

        Path topRows = dir.resolve("rows.csv");
        run(() -> new TopKAggregate(), Map.of("k", "4", "by", "price", "output", topRows.toString()), rows);
        List<Row> ranked = rows.stream().filter(r -> !r.isNull("price"))
                .sorted(Comparator.comparingDouble((Row r) -> r.getDouble("price")).reversed()).limit(4).toList();
        StringBuilder expectedRows = new StringBuilder("city,qty,price,tag\n");
        ranked.forEach(r -> expectedRows.append(field(r.get("city"))).append(',').append(field(r.get("qty")))
                .append(',').append(r.get("price")).append(',').append(r.get("tag")).append('\n'));
        assertEquals(expectedRows.toString(), Files.readString(topRows));
    }

    @Test
    void distinctShouldCountExactlyAndApproximatelyWithinItsBound() throws Exception {
        List<Row> rows = rows(30_000, 3);
        Set<List<Object>> exact = new HashSet<>();
        rows.forEach(r -> exact.add(java.util.Arrays.asList(r.get("city"), r.get("tag"))));
        assertEquals(exact.size() + " distinct",
                run(() -> new DistinctAggregate(), Map.of("fields", "city,tag"), rows));

        RowSchema ids = RowSchema.builder().longField("id").build();
        List<Row> many = new ArrayList<>();
        for (long i = 0; i < 200_000; i++) {
            many.add(Row.of(ids, i % 150_000));
        }
        String value = run(() -> new DistinctAggregate(), Map.of("approximate", "true"), many);
        long estimate = Long.parseLong(value.split(" ")[1]);
        assertTrue(Math.abs(estimate - 150_000) < 150_000 * 0.0245, value); // 2 x 0.782/sqrt(4096)
        assertTrue(value.matches("about \\d+ distinct \\(95%: \\d+ to \\d+\\)"), value);
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        return text.contains(",") ? "\"" + text + "\"" : text;
    }

    /**
     * Runs an aggregate over the rows, twice: straight through, and with its state snapshotted at a few
     * points into a new instance that carries on; both must give the same value and output.
     */
    private String run(Supplier<Aggregate<Row>> make, Map<String, String> options, List<Row> rows) throws Exception {
        Aggregate<Row> straight = make.get();
        straight.open(new TestContext(options, dir));
        for (Row row : rows) {
            straight.accept(row);
        }
        String value = String.valueOf(straight.finish());
        String output = options.containsKey("output") ? Files.readString(Path.of(options.get("output"))) : null;

        Aggregate<Row> current = make.get();
        current.open(new TestContext(options, dir));
        for (int i = 0; i < rows.size(); i++) {
            if (i % 7_001 == 7_000) {
                ByteArrayOutputStream state = new ByteArrayOutputStream();
                current.snapshot(state);
                current = make.get();
                current.open(new TestContext(options, dir));
                current.restore(new ByteArrayInputStream(state.toByteArray()));
            }
            current.accept(rows.get(i));
        }
        assertEquals(value, String.valueOf(current.finish()), "after restores");
        if (output != null) {
            assertEquals(output, Files.readString(Path.of(options.get("output"))), "after restores");
        }
        return value;
    }
}
