package dev.sluice.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Serves a run's metrics for Prometheus to scrape: {@code GET /metrics} answers {@link PrometheusText} as of that
 * moment, on loopback unless told otherwise (the JDK's own HTTP server: no dependency).
 */
public final class MetricsServer implements AutoCloseable {
    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving on {@code host:port} (port 0: any free one, see {@link #port()}). */
    public static MetricsServer start(String host, int port, Supplier<String> exposition) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 8);
        server.createContext("/metrics", exchange -> answer(exchange, exposition));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = "Sluice: metrics are at /metrics\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return new MetricsServer(server);
    }

    private static void answer(HttpExchange exchange, Supplier<String> exposition) throws IOException {
        try (exchange) {
            byte[] body;
            int status = 200;
            try {
                body = exposition.get().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(MetricsServer.class).warn("cannot read the run's metrics: {}", e.toString());
                body = ("cannot read the run's metrics: " + e + "\n").getBytes(StandardCharsets.UTF_8);
                status = 500;
            }
            exchange.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/metrics";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
