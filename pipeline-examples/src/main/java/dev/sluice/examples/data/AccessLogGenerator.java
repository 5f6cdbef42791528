package dev.sluice.examples.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Writes deterministic JSON-lines access logs over a day: {@code AccessLogGenerator FILE LINES [SEED]}.
 * Each line is {@code {"time":..., "ip":..., "method":..., "path":..., "status":..., "bytes":..., "agent":...}}.
 */
public final class AccessLogGenerator {
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 301, 304, 404, 404, 500, 503};
    private static final String[] PATHS = {"/", "/api/items", "/api/items/42", "/login", "/static/app.js",
        "/search?q=caf\\u00e9", "/api/orders"};
    private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) \\\"Mobile\\\""};

    private AccessLogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Long.parseLong(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 7);
    }

    public static void write(Path file, long lines, long seed) throws IOException {
        Random random = new Random(seed);
        long start = Instant.parse("2026-11-24T00:00:00Z").getEpochSecond();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < lines; i++) {
                long time = start + i * 86_400 / lines;
                out.write("{\"time\":\"" + Instant.ofEpochSecond(time) + "\",\"ip\":\"10.0." + random.nextInt(256) + "."
                        + random.nextInt(256) + "\",\"method\":\"" + (random.nextInt(5) == 0 ? "POST" : "GET")
                        + "\",\"path\":\"" + PATHS[random.nextInt(PATHS.length)] + "\",\"status\":"
                        + STATUSES[random.nextInt(STATUSES.length)] + ",\"bytes\":" + random.nextInt(50_000)
                        + ",\"agent\":\"" + AGENTS[random.nextInt(AGENTS.length)] + "\"}\n");
            }
        }
    }
}
