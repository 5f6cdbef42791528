package dev.sluice.examples.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Writes a deterministic orders CSV ({@code order_id,date,customer,product,quantity,unit_price,amount})
 * of about the size asked: {@code OrdersGenerator FILE BYTES [SEED]}. Product names hold commas and
 * quotes, so fields are quoted as CSV needs; {@code amount} = quantity x unit price, in cents exactly.
 */
public final class OrdersGenerator {
    private static final String[] ADJECTIVES = {"Red", "Blue", "Large", "Small", "Deluxe", "Basic", "Wireless",
        "Steel", "Organic", "Café", "Vintage", "Ultra"};
    private static final String[] THINGS = {"widget", "lamp", "kettle", "chair", "notebook", "cable", "mug",
        "12\" ruler", "backpack", "sensor, v2", "crème brûlée set", "desk"};

    private OrdersGenerator() {
    }

    public static void main(String[] args) throws IOException {
        long bytes = Long.parseLong(args[1]);
        long rows = write(Path.of(args[0]), bytes, args.length > 2 ? Long.parseLong(args[2]) : 42);
        System.out.println(rows + " orders written to " + args[0]);
    }

    /** One order line as written: the money columns as their CSV text. */
    public record Order(long id, String customer, String product, int quantity, String unitPrice, String amount) {
    }

    /** @return the number of orders written */
    public static long write(Path file, long bytes, long seed) throws IOException {
        return write(file, bytes, seed, order -> { });
    }

    /** Writes, and tells {@code each} what each line holds (what a test computes its expectations from). */
    public static long write(Path file, long bytes, long seed, Consumer<Order> each) throws IOException {
        Random random = new Random(seed);
        long written = 0;
        long id = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "order_id,date,customer,product,quantity,unit_price,amount\n";
            out.write(header);
            written += header.length();
            StringBuilder line = new StringBuilder(128);
            while (written < bytes) {
                line.setLength(0);
                int quantity = 1 + random.nextInt(9);
                long cents = 99 + random.nextInt(20_000);
                String product = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " "
                        + THINGS[random.nextInt(THINGS.length)];
                String customer = "C" + (10_000 + random.nextInt(5_000));
                Order order = new Order(++id, customer, product, quantity, money(cents), money(cents * quantity));
                line.append(id).append(",2026-").append(two(1 + random.nextInt(12))).append('-')
                        .append(two(1 + random.nextInt(28))).append(',').append(customer).append(',')
                        .append(quoted(product)).append(',').append(quantity).append(',').append(order.unitPrice())
                        .append(',').append(order.amount()).append('\n');
                each.accept(order);
                out.append(line);
                written += line.length();
            }
        }
        return id;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String money(long cents) {
        return cents / 100 + "." + two((int) (cents % 100));
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
