package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.Pipeline;
import dev.sluice.examples.data.AccessLogGenerator;
import dev.sluice.examples.data.OrdersGenerator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** config/orders.yaml and config/logs.yaml on generated inputs, against results computed here independently. */
class DataExamplesTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // 3 million orders through stage JVMs: minutes at load 40
    void ordersShouldGiveExactRevenuePerCustomerAndTheTopTenProducts() throws Exception {
        Path input = dir.resolve("orders.csv");
        List<OrdersGenerator.Order> orders = new ArrayList<>();
        OrdersGenerator.write(input, 3_000_000, 17, orders::add);
        Path out = dir.resolve("out");
        Pipeline.load(config("orders.yaml"), Map.of("input", input.toString(), "output", out.toString(),
                "workers", "2")).workDir(dir.resolve("runs")).run();

        Map<String, Object[]> customers = new TreeMap<>();
        Map<String, Object[]> products = new TreeMap<>();
        for (OrdersGenerator.Order o : orders) {
            add(customers, o.customer(), o.amount());
            add(products, o.product(), o.amount());
        }
        StringBuilder revenue = new StringBuilder("customer,count,sum_amount\n");
        customers.forEach((c, t) -> revenue.append(c).append(',').append(t[0]).append(',')
                .append(((BigDecimal) t[1]).doubleValue()).append('\n'));
        assertEquals(revenue.toString(), Files.readString(out.resolve("revenue-per-customer.csv")));

        StringBuilder top = new StringBuilder("product,count,sum_amount\n");
        products.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Object[]> e) -> (BigDecimal) e.getValue()[1])
                        .reversed().thenComparing(Map.Entry::getKey))
                .limit(10).forEach(e -> top.append(csv(e.getKey())).append(',').append(e.getValue()[0]).append(',')
                        .append(((BigDecimal) e.getValue()[1]).doubleValue()).append('\n'));
        assertEquals(top.toString(), Files.readString(out.resolve("top-products.csv")));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void logsShouldCountRequestsPerHourAndStatusAndWriteEveryRequestOnce() throws Exception {
        Path input = dir.resolve("access.jsonl");
        AccessLogGenerator.write(input, 20_000, 3);
        Path out = dir.resolve("out");
        Pipeline.load(config("logs.yaml"), Map.of("input", input.toString(), "output", out.toString(),
                "workers", "2")).workDir(dir.resolve("runs")).run();

        Pattern fields = Pattern.compile("\"time\":\"([^\"]{13})[^\"]*\".*\"status\":(\\d+),\"bytes\":(\\d+)");
        Map<String, long[]> perHour = new TreeMap<>();
        List<String> lines = Files.readAllLines(input);
        for (String line : lines) {
            Matcher m = fields.matcher(line);
            if (!m.find()) {
                throw new AssertionError("unexpected generated line " + line);
            }
            long[] t = perHour.computeIfAbsent(m.group(1) + "," + m.group(2), k -> new long[2]);
            t[0]++;
            t[1] += Long.parseLong(m.group(3));
        }
        StringBuilder expected = new StringBuilder("hour,status,count,sum_bytes\n");
        perHour.forEach((k, t) -> expected.append(k).append(',').append(t[0]).append(',').append(t[1]).append('\n'));
        assertEquals(expected.toString(), Files.readString(out.resolve("status-per-hour.csv")));

        List<String> written = new ArrayList<>();
        try (var parts = Files.list(out.resolve("requests"))) {
            for (Path part : parts.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                written.addAll(Files.readAllLines(part));
            }
        }
        assertEquals(lines.size(), written.size());
        for (int i = 0; i < lines.size(); i += 997) { // in input order (ordered: true), with the hour added
            assertEquals(lines.get(i).substring(9, 22), written.get(i).substring(9, 22));
            assertEquals("\"hour\":\"" + lines.get(i).substring(9, 22) + "\"}",
                    written.get(i).substring(written.get(i).lastIndexOf(",\"hour\"") + 1));
        }
    }

    private static void add(Map<String, Object[]> totals, String key, String amount) {
        Object[] t = totals.computeIfAbsent(key, k -> new Object[] {0L, BigDecimal.ZERO});
        t[0] = (Long) t[0] + 1;
        t[1] = ((BigDecimal) t[1]).add(new BigDecimal(Double.parseDouble(amount)));
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
