package dev.sluice.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.config.PipelineConfig;
import dev.sluice.counters.PipelineField;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.RunState;
import dev.sluice.errors.DistinctError;
import dev.sluice.errors.DistinctErrors;
import dev.sluice.files.PrivateFiles;
import dev.sluice.queue.DeadLetter;
import dev.sluice.queue.DeadLetterQueue;
import dev.sluice.rundir.RunLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.html}: one self-contained file (no network) that shows a run: its stage graph coloured by busy
 * and backpressure, throughput, backlog, CPU and memory over time, latency percentiles, restarts and hangs, errors
 * and dead letters. A template with uPlot inlined (vendored from npm by scripts/vendor-uplot) draws the data
 * embedded in it: the summary ({@link RunSummaryJson}), the timeline ({@link RunSampler}), the distinct errors and
 * the first dead letters. When the page has drawn everything, its body says {@code data-ready="true"}.
 */
public final class RunReport {
    public static final String FILE = "report.html";
    /** The report lists this many dead letters at most; {@code sluice dlq} lists them all. */
    static final int DEAD_LETTERS_SHOWN = 100;
    /** The most timeline samples the report draws. */
    static final int TIMELINE_POINTS = 2000;
    private static final String RESOURCES = "/dev/sluice/report/";
    private static final JsonFactory JSON = new JsonFactory();

    private RunReport() {
    }

    /**
     * Writes {@code out} for the run: from its {@code summary.json} if it has ended and has one, otherwise from its
     * counters as they are now.
     */
    public static Path write(PipelineConfig config, RunLayout layout, RunSnapshot snapshot, Path out) throws IOException {
        Path summaryFile = layout.metrics().resolve(RunSummaryJson.FILE);
        boolean ended = RunState.of(snapshot.pipeline().getOrDefault(PipelineField.RUN_STATE, 0L)) != RunState.RUNNING;
        String summary = Files.exists(summaryFile) && ended
                ? Files.readString(summaryFile, StandardCharsets.UTF_8) : RunSummaryJson.of(config, layout, snapshot);
        String data = "{\"summary\":" + summary + ",\"timeline\":" + timeline(layout) + ",\"errors\":"
                + errors(DistinctErrors.read(layout.errors())) + ",\"deadLetters\":"
                + deadLetters(DeadLetterQueue.readAll(layout.dlq())) + "}";
        String html = resource("report.html")
                .replace("/*UPLOT_CSS*/", resource("vendor/uPlot.min.css"))
                .replace("/*UPLOT_JS*/", resource("vendor/uPlot.iife.min.js"))
                .replace("/*DATA*/", data.replace("</", "<\\/")); // nothing in the data may close its script
        PrivateFiles.writeString(out, html);
        return out;
    }

    /**
     * The timeline's lines as one JSON array (a torn last line, of a sampler stopped mid-write, left out), thinned
     * to at most {@link #TIMELINE_POINTS} evenly spaced samples (the last always kept), so that a day-long run
     * still makes a report of a few megabytes.
     */
    private static String timeline(RunLayout layout) throws IOException {
        Path file = layout.metrics().resolve(RunSampler.TIMELINE);
        if (!Files.exists(file)) {
            return "[]";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.removeIf(line -> !line.endsWith("}"));
        int every = Math.max(1, (lines.size() + TIMELINE_POINTS - 1) / TIMELINE_POINTS);
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < lines.size(); i++) {
            if (i % every == 0 || i == lines.size() - 1) {
                array.append(array.length() > 1 ? "," : "").append(lines.get(i));
            }
        }
        return array.append(']').toString();
    }

    private static String errors(List<DistinctError> errors) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (DistinctError e : errors) {
                json.writeStartObject();
                json.writeStringField("stage", e.stage());
                json.writeStringField("headline", e.headline());
                json.writeNumberField("count", e.count());
                json.writeNumberField("first", e.firstMillis());
                json.writeNumberField("last", e.lastMillis());
                json.writeArrayFieldStart("workers");
                for (int w : e.workers()) {
                    json.writeNumber(w);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("pids");
                for (long pid : e.pids()) {
                    json.writeNumber(pid);
                }
                json.writeEndArray();
                json.writeStringField("stack", e.stackTrace());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return text.toString();
    }

    private static String deadLetters(List<DeadLetter> letters) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (DeadLetter l : letters.subList(0, Math.min(letters.size(), DEAD_LETTERS_SHOWN))) {
                json.writeStartObject();
                json.writeStringField("stage", l.stage());
                json.writeNumberField("worker", l.worker());
                json.writeNumberField("input", l.inputQueue());
                json.writeNumberField("document", l.inputDoc());
                json.writeNumberField("record", l.index());
                json.writeNumberField("at", l.epochMillis());
                json.writeStringField("error", l.error());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return text.toString();
    }

    private static String resource(String name) {
        try (InputStream in = RunReport.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name + " (see scripts/vendor-uplot)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
