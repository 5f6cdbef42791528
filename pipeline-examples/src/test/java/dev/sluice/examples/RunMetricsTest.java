package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import dev.sluice.outcome.RunResult;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One real run (stage processes), then everything its metrics say checked against its counters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RunMetricsTest extends PipelineTestSupport {
    RunResult result;
    RunSnapshot counters;

    @BeforeAll
    void run(@TempDir Path dir) throws Exception {
        result = Pipeline.load(testPipeline("observed.yaml")).workDir(dir).run();
        try (ControlFile control = ControlFile.open(result.runDirectory().resolve("control.dat"), false)) {
            counters = RunSnapshot.read(control.reader());
        }
    }

    @Test
    void histogramLogsParseWithHdrHistogramsReaderAndCountEveryDocument() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        List<Path> logs;
        try (Stream<Path> files = Files.list(result.runDirectory().resolve("metrics"))) {
            logs = files.filter(f -> f.toString().endsWith(".hlog")).toList();
        }
        for (Path log : logs) {
            HistogramLogReader reader = new HistogramLogReader(new File(log.toString()));
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                counts.merge(h.getTag(), ((org.HdrHistogram.Histogram) h).getTotalCount(), Long::sum);
            }
            reader.close();
        }

        SlotStatus source = slot("numbers-0");
        assertEquals(source.get(SlotField.DOCS_OUT), counts.get("numbers-0.processing"), counts.toString());
        for (String worker : List.of("picky-0", "picky-1")) {
            assertEquals(slot(worker).get(SlotField.DOCS_IN), counts.getOrDefault(worker + ".processing", 0L), counts.toString());
            assertEquals(slot(worker).get(SlotField.DOCS_IN), counts.getOrDefault(worker + ".queue-wait", 0L), counts.toString());
        }
        assertEquals(slot("total-0").get(SlotField.DOCS_IN), counts.get("total-0.end-to-end"), counts.toString());
        assertTrue(slot("total-0").get(SlotField.DOCS_IN) > 0);
    }

    @Test
    void summaryJsonMatchesTheCounters() throws Exception {
        Object summary = Json.parse(Files.readString(result.runDirectory().resolve("metrics/summary.json")));

        Map<String, Object> top = Json.object(summary);
        assertEquals("completed", top.get("state"));
        assertEquals(20L, Json.number(top, "dead_letters"));
        assertEquals(20L, Json.number(top, "errors"));
        assertEquals(1L, Json.number(top, "distinct_errors"));
        List<Object> stages = Json.list(top.get("stages"));
        assertEquals(3, stages.size());
        for (Object s : stages) {
            Map<String, Object> stage = Json.object(s);
            String name = (String) stage.get("name");
            for (SlotField field : List.of(SlotField.RECORDS_IN, SlotField.RECORDS_OUT, SlotField.DOCS_IN,
                    SlotField.BYTES_IN, SlotField.BYTES_OUT, SlotField.RESTARTS, SlotField.ERRORS)) {
                assertEquals(counters.sum(name, field), Json.number(stage, field.label().replace('-', '_')),
                        name + " " + field);
            }
            for (Object p : Json.list(stage.get("processes"))) {
                Map<String, Object> process = Json.object(p);
                SlotStatus slot = slot((String) process.get("name"));
                assertEquals(slot.get(SlotField.RECORDS_OUT), Json.number(process, "records_out"));
                assertEquals(slot.get(SlotField.PID), Json.number(process, "pid"));
                assertTrue(Json.number(process, "peak_rss_bytes") > 0 || slot.get(SlotField.PEAK_RSS_BYTES) == 0);
            }
        }
        Map<String, Object> picky = Json.object(stages.get(1));
        assertEquals(20_000L, Json.number(picky, "records_in"));
        assertEquals(19_980L, Json.number(picky, "records_out"));
        assertEquals(20L, Json.number(picky, "dead_letters"));
        Map<String, Object> processing = Json.object(picky, "latency_ms", "processing");
        assertEquals(counters.sum("picky", SlotField.DOCS_IN), Json.number(processing, "count"));
        double p50 = ((Number) processing.get("p50")).doubleValue();
        double max = ((Number) processing.get("max")).doubleValue();
        assertTrue(p50 > 0 && p50 <= max, processing.toString());
        Map<String, Object> total = Json.object(stages.get(2));
        assertEquals(counters.sum("total", SlotField.DOCS_IN), Json.number(Json.object(total, "latency_ms", "end_to_end"), "count"));
    }

    @Test
    void aThrownExceptionAppearsOnceWithItsCountInSluiceErrors() {
        Cli errors = Cli.run("errors", result.runDirectory().toString());

        assertEquals(0, errors.exitCode(), errors.toString());
        assertTrue(errors.out().startsWith("1 distinct error(s), 20 in all"), errors.toString());
        assertEquals(1, errors.out().lines().filter(l -> l.contains("IllegalArgumentException")).count(), errors.toString());
        assertTrue(errors.out().contains("20 x java.lang.IllegalArgumentException: a multiple of 1000"), errors.toString());
        assertTrue(errors.out().matches("(?s).*stage picky, worker\\(s\\) [01](,1)?, pid\\(s\\) \\d+.*first \\S+, last \\S+.*"),
                errors.toString());
        Cli status = Cli.run("status", result.runDirectory().toString());
        assertTrue(status.out().contains("errors: 1 distinct, 20 in all; latest in picky: "
                + "java.lang.IllegalArgumentException: a multiple of 1000"), status.toString());
    }

    @Test
    void theReportShowsTheSummarysNumbersInAHeadlessChromium() throws Exception {
        TestTools.require("chromium");
        Path report = result.runDirectory().resolve("report.html");
        Map<String, Object> summary = Json.object(Json.parse(Files.readString(result.runDirectory().resolve("metrics/summary.json"))));

        String dom = script(report.toString(), "--dom");
        Path screenshot = report.resolveSibling("report.png");
        script(report.toString(), screenshot.toString());

        assertTrue(dom.contains("data-ready=\"true\""), "the page did not say it is ready:\n" + dom);
        int checked = 0;
        Matcher run = Pattern.compile("data-run=\"(\\w+)\">([^<]*)<").matcher(dom);
        while (run.find()) {
            assertEquals(((Number) summary.get(run.group(1))).doubleValue(), Double.parseDouble(run.group(2)), run.group(1));
            checked++;
        }
        Map<String, Map<String, Object>> stages = new HashMap<>();
        Json.list(summary.get("stages")).forEach(s -> stages.put((String) Json.object(s).get("name"), Json.object(s)));
        Matcher stage = Pattern.compile("data-stage=\"(\\w+)\" data-key=\"(\\w+)\">([^<]*)<").matcher(dom);
        while (stage.find()) {
            assertEquals(((Number) stages.get(stage.group(1)).get(stage.group(2))).doubleValue(),
                    Double.parseDouble(stage.group(3)), stage.group());
            checked++;
        }
        Matcher latency = Pattern.compile("data-stage=\"(\\w+)\" data-latency=\"(\\w+)\\.(\\w+)\">([^<]*)<").matcher(dom);
        while (latency.find()) {
            Map<String, Object> measure = Json.object(stages.get(latency.group(1)), "latency_ms", latency.group(2));
            assertEquals(((Number) measure.get(latency.group(3))).doubleValue(), Double.parseDouble(latency.group(4)),
                    latency.group());
            checked++;
        }
        assertEquals(8 + 3 * 12 + 6 * 6, checked, "numbers compared");
        assertTrue(dom.contains("20 x java.lang.IllegalArgumentException: a multiple of 1000"), dom);
        byte[] png = Files.readAllBytes(screenshot);
        assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a screenshot");
    }

    /** scripts/report-screenshot, which the README's screenshot is made with too. */
    private static String script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("..", "scripts", "report-screenshot").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private SlotStatus slot(String name) {
        return counters.slots().stream().filter(s -> s.slotName().equals(name)).findFirst().orElseThrow();
    }
}
