package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A live run scraped over HTTP as Prometheus would, its exposition checked by Prometheus's own promtool. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PrometheusTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldServeALiveRunsCountersThatPromtoolAccepts() throws Exception {
        // port 0: the server takes a free port itself (a port found free here could be taken by another
        // build's test before the run binds it); the progress stream says which
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Path gate = dir.resolve("gate");
        Pipeline pipeline = Pipeline.load(testPipeline("gated.yaml"), Map.of("gate", gate.toString()))
                .workDir(dir.resolve("runs")).inProcess(true).metricsPort(0)
                .progress(new PrintStream(progress, true, StandardCharsets.UTF_8));
        String served;
        String printed;
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs").resolve("gated"))) {
            try {
                Pattern announced = Pattern.compile("metrics for Prometheus: (http://\\S+/metrics)");
                LiveRun.await(() -> announced.matcher(progress.toString(StandardCharsets.UTF_8)).find(), run.future());
                Matcher url = announced.matcher(progress.toString(StandardCharsets.UTF_8));
                assertTrue(url.find());
                run.awaitSlot("count-0", s -> s.get(SlotField.RECORDS_IN) == 1000);
                // latency figures reach control.dat once per metrics.interval: wait for the workers' first round
                LiveRun.await(() -> run.slot("pass-0").get(SlotField.PROCESSING_COUNT)
                        + run.slot("pass-1").get(SlotField.PROCESSING_COUNT) > 0, run.future());

                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url.group(1))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                assertEquals("text/plain; version=0.0.4; charset=utf-8",
                        response.headers().firstValue("Content-Type").orElse(""));
                served = response.body();
                printed = Cli.run("metrics", run.runDirectory().toString(), "--print").out();
            } finally {
                Files.createFile(gate);
            }
            assertEquals("1000", run.result().value());
        }

        for (String text : List.of(served, printed)) {
            assertTrue(text.contains("\nsluice_stage_records_in_total{stage=\"count\",worker=\"0\"} 1000\n"), text);
            assertTrue(text.contains("\nsluice_run_state{state=\"running\"} 1\n"), text);
            assertTrue(text.contains("\nsluice_stage_state{stage=\"read\",worker=\"0\",state=\"running\"} 1\n"), text);
            assertTrue(text.contains("# TYPE sluice_stage_busy_seconds_total counter\n"), text);
            assertTrue(text.matches("(?s).*\nsluice_stage_processing_seconds_count\\{stage=\"pass\",worker=\"[01]\"} \\d+\n.*"),
                    text);
            assertTrue(text.contains("\nsluice_stage_backlog_documents{stage=\"count\",input=\"pass\"} "), text);
            promtoolAccepts(text);
        }
    }

    private static void promtoolAccepts(String exposition) throws Exception {
        Path promtool = TestTools.require("promtool");
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, check.exitValue(), output + "\n--- exposition\n" + exposition);
        assertEquals("", output.strip(), "promtool's remarks");
    }
}
