package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import dev.sluice.examples.data.OrdersGenerator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part-file sinks, a group-by and the csv source are killed (-9) again and again mid-run; every output
 * must be exactly what the input makes, byte for byte, as written out here by hand (so equal to a clean
 * run): the sink straight off the source, the sink behind an ordered merge of two workers, and the
 * aggregate's result.
 */
class ExactlyOnceSinkTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldWriteExactlyTheExpectedPartFilesWhenSinksAndTheAggregateAreKilledRepeatedly() throws Exception {
        Path input = dir.resolve("orders.csv");
        List<OrdersGenerator.Order> orders = new ArrayList<>();
        OrdersGenerator.write(input, 1_000_000, 5, orders::add);
        Path gate = dir.resolve("gate");
        Path out = dir.resolve("out");
        Map<String, Long> restarts = new TreeMap<>();
        List<String> victims = List.of("direct-0", "read-0", "totals-0", "merged-0", "direct-0", "totals-0");
        Pipeline pipeline = Pipeline.load(testPipeline("sinks-chaos.yaml"), Map.of("input", input.toString(),
                "output", out.toString(), "gate", gate.toString(), "pause-ms", "4")).workDir(dir.resolve("runs"));
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs/sinks-chaos"))) {
            long killed = 0;
            for (int i = 0; i < victims.size(); i++) {
                long progress = (i + 1L) * orders.size() / (victims.size() + 2);
                run.awaitSlot("read-0", s -> s.get(SlotField.RECORDS_OUT) >= progress);
                long previous = killed;
                killed = run.killWhen(victims.get(i), s -> s.get(SlotField.PID) != previous
                        && s.get(SlotField.RECORDS_IN) + s.get(SlotField.RECORDS_OUT) > 0); // mid-stream
            }
            Files.createFile(gate);
            run.result();
            for (String victim : List.of("direct-0", "totals-0", "merged-0", "read-0")) {
                restarts.put(victim, run.slot(victim).get(SlotField.RESTARTS));
            }
        }

        assertEquals(expectedParts(orders, 1500, "csv", ExactlyOnceSinkTest::csvLine,
                "order_id,customer,product,quantity,amount\n"), parts(out.resolve("direct"), "csv"));
        assertEquals(expectedParts(orders, 2000, "jsonl", ExactlyOnceSinkTest::jsonLine, ""),
                parts(out.resolve("merged"), "jsonl"));
        assertEquals(expectedTotals(orders), Files.readString(out.resolve("totals.csv")));
        assertTrue(Files.exists(out.resolve("direct/_SUCCESS")) && Files.exists(out.resolve("merged/_SUCCESS")));
        assertEquals(Map.of("direct-0", 2L, "totals-0", 2L, "merged-0", 1L, "read-0", 1L), restarts);
    }

    /** Each part file's name and text. */
    private static Map<String, String> parts(Path directory, String extension) throws Exception {
        Map<String, String> parts = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : files.filter(f -> !f.getFileName().toString().equals("_SUCCESS")).toList()) {
                parts.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return parts;
    }

    /** The part files as they must be, written out here by hand. */
    private static Map<String, String> expectedParts(List<OrdersGenerator.Order> orders, int perPart, String extension,
                                                     java.util.function.Function<OrdersGenerator.Order, String> line,
                                                     String header) {
        Map<String, String> parts = new TreeMap<>();
        for (int from = 0; from < orders.size(); from += perPart) {
            StringBuilder text = new StringBuilder(header);
            orders.subList(from, Math.min(orders.size(), from + perPart)).forEach(o -> text.append(line.apply(o)));
            parts.put(String.format("part-%05d.%s", from / perPart, extension), text.toString());
        }
        return parts;
    }

    private static String csvLine(OrdersGenerator.Order o) {
        String product = o.product().contains(",") || o.product().contains("\"")
                ? "\"" + o.product().replace("\"", "\"\"") + "\"" : o.product();
        return o.id() + "," + o.customer() + "," + product + "," + o.quantity() + "," + Double.parseDouble(o.amount())
                + "\n";
    }

    private static String jsonLine(OrdersGenerator.Order o) {
        return "{\"order_id\":" + o.id() + ",\"customer\":\"" + o.customer() + "\",\"product\":\""
                + o.product().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"quantity\":" + o.quantity()
                + ",\"amount\":" + Double.parseDouble(o.amount()) + "}\n";
    }

    /** Per customer: orders, the exact sum of the amounts as parsed (rounded once), the largest quantity. */
    private static String expectedTotals(List<OrdersGenerator.Order> orders) {
        Map<String, Object[]> totals = new TreeMap<>();
        for (OrdersGenerator.Order o : orders) {
            Object[] t = totals.computeIfAbsent(o.customer(), c -> new Object[] {0L, BigDecimal.ZERO, 0L});
            t[0] = (Long) t[0] + 1;
            t[1] = ((BigDecimal) t[1]).add(new BigDecimal(Double.parseDouble(o.amount())));
            t[2] = Math.max((Long) t[2], o.quantity());
        }
        StringBuilder text = new StringBuilder("customer,count,sum_amount,max_quantity\n");
        totals.forEach((customer, t) -> text.append(customer).append(',').append(t[0]).append(',')
                .append(((BigDecimal) t[1]).doubleValue()).append(',').append(t[2]).append('\n'));
        assertTrue(totals.size() > 1000);
        return text.toString();
    }
}
