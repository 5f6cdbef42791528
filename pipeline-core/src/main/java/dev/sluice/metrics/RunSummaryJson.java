package dev.sluice.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.counters.LatencyKind;
import dev.sluice.counters.PipelineField;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.RunState;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import dev.sluice.errors.DistinctError;
import dev.sluice.errors.DistinctErrors;
import dev.sluice.files.PrivateFiles;
import dev.sluice.queue.DeadLetter;
import dev.sluice.queue.DeadLetterQueue;
import dev.sluice.rundir.RunLayout;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@code metrics/summary.json}, written when a run (or a resume) ends: the run's wall and CPU time, restarts,
 * hangs, errors and dead letters, and per stage and per process (slot) its counts, rates, busy / idle /
 * backpressure shares, CPU, peak memory and latency percentiles (from the HdrHistogram interval logs, so
 * every process a slot had counts). Times are in seconds or milliseconds as the key's suffix says.
 */
public final class RunSummaryJson {
    public static final String FILE = "summary.json";
    /** The format's version, first in the file. */
    public static final int VERSION = dev.sluice.files.FormatVersions.SUMMARY_JSON;
    private static final JsonFactory JSON = new JsonFactory();

    private RunSummaryJson() {
    }

    /** Writes the summary of {@code snapshot} to {@code metrics/summary.json}, whole or not at all. */
    public static Path write(PipelineConfig config, RunLayout layout, RunSnapshot snapshot) throws IOException {
        Path file = layout.metrics().resolve(FILE);
        PrivateFiles.createDirectories(layout.metrics());
        PrivateFiles.writeString(file, of(config, layout, snapshot));
        return file;
    }

    /** The summary of {@code snapshot}, as JSON text. */
    public static String of(PipelineConfig config, RunLayout layout, RunSnapshot snapshot) throws IOException {
        Map<String, Histogram> bySlot = HistogramLogs.read(layout.metrics());
        Map<String, Histogram> byStage = HistogramLogs.byStage(bySlot);
        List<DeadLetter> letters = DeadLetterQueue.readAll(layout.dlq());
        List<DistinctError> errors = DistinctErrors.read(layout.errors());
        long started = snapshot.pipeline().getOrDefault(PipelineField.STARTED_MS, 0L);
        long finished = snapshot.pipeline().getOrDefault(PipelineField.FINISHED_MS, 0L);
        long wallMs = Math.max(0, (finished > 0 ? finished : snapshot.takenMillis()) - started);
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeNumberField("version", VERSION);
            json.writeStringField("pipeline", config.name());
            json.writeStringField("run_directory", layout.dir().toString());
            json.writeStringField("state", RunState.of(snapshot.pipeline().getOrDefault(PipelineField.RUN_STATE, 0L))
                    .name().toLowerCase(java.util.Locale.ROOT));
            json.writeNumberField("started_ms", started);
            json.writeNumberField("finished_ms", finished);
            json.writeNumberField("wall_seconds", wallMs / 1000.0);
            totals(json, snapshot.slots());
            json.writeNumberField("dead_letters", letters.size());
            json.writeNumberField("distinct_errors", errors.size());
            json.writeArrayFieldStart("stages");
            List<Backlogs.Edge> backlogs = Backlogs.of(config, snapshot);
            for (StageConfig stage : config.stages()) {
                List<SlotStatus> slots = snapshot.byStage().getOrDefault(stage.name(), List.of());
                json.writeStartObject();
                json.writeStringField("name", stage.name());
                json.writeStringField("kind", stage.kind().name().toLowerCase(java.util.Locale.ROOT));
                json.writeNumberField("workers", stage.workers());
                json.writeArrayFieldStart("inputs");
                for (String input : stage.inputs()) {
                    json.writeString(input);
                }
                json.writeEndArray();
                counts(json, slots, wallMs);
                json.writeNumberField("dead_letters", letters.stream().filter(l -> l.stage().equals(stage.name())).count());
                long[] waiting = Backlogs.waitingFor(backlogs, stage.name());
                json.writeNumberField("backlog_documents", waiting[0]);
                json.writeNumberField("backlog_records", waiting[1]);
                latency(json, byStage, stage.name() + ".");
                json.writeArrayFieldStart("processes");
                for (SlotStatus slot : slots) {
                    json.writeStartObject();
                    json.writeStringField("name", slot.slotName());
                    json.writeNumberField("worker", slot.worker());
                    json.writeNumberField("pid", slot.get(SlotField.PID));
                    json.writeStringField("state", slot.state().label());
                    counts(json, List.of(slot), wallMs);
                    latency(json, bySlot, slot.slotName() + ".");
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return text.append('\n').toString();
    }

    private static void totals(JsonGenerator json, List<SlotStatus> slots) throws IOException {
        json.writeNumberField("cpu_seconds", sum(slots, SlotField.CPU_MS) / 1000.0);
        json.writeNumberField("peak_rss_bytes", slots.stream().mapToLong(s -> s.get(SlotField.PEAK_RSS_BYTES)).max().orElse(0));
        json.writeNumberField("restarts", sum(slots, SlotField.RESTARTS));
        json.writeNumberField("hangs", sum(slots, SlotField.HANGS));
        json.writeNumberField("errors", sum(slots, SlotField.ERRORS));
    }

    /** What a stage (all its slots) or one slot counted. */
    private static void counts(JsonGenerator json, List<SlotStatus> slots, long wallMs) throws IOException {
        for (SlotField field : List.of(SlotField.RECORDS_IN, SlotField.RECORDS_OUT, SlotField.DOCS_IN, SlotField.DOCS_OUT,
                SlotField.BYTES_IN, SlotField.BYTES_OUT)) {
            json.writeNumberField(field.label().replace('-', '_'), sum(slots, field));
        }
        long started = slots.stream().mapToLong(s -> s.get(SlotField.STARTED_MS)).filter(t -> t > 0).min().orElse(0);
        long finished = slots.stream().mapToLong(s -> s.get(SlotField.FINISHED_MS)).max().orElse(0);
        long activeMs = started > 0 && finished >= started ? finished - started : wallMs;
        double seconds = Math.max(1, activeMs) / 1000.0;
        json.writeNumberField("active_seconds", activeMs / 1000.0);
        json.writeNumberField("records_in_per_second", round(sum(slots, SlotField.RECORDS_IN) / seconds));
        json.writeNumberField("records_out_per_second", round(sum(slots, SlotField.RECORDS_OUT) / seconds));
        long busy = sum(slots, SlotField.BUSY_MS);
        long idle = sum(slots, SlotField.IDLE_MS);
        long held = sum(slots, SlotField.BACKPRESSURE_MS);
        double all = Math.max(1, busy + idle + held);
        json.writeNumberField("busy_ms", busy);
        json.writeNumberField("idle_ms", idle);
        json.writeNumberField("backpressure_ms", held);
        json.writeNumberField("busy_percent", round(100 * busy / all));
        json.writeNumberField("backpressure_percent", round(100 * held / all));
        totals(json, slots);
    }

    private static void latency(JsonGenerator json, Map<String, Histogram> histograms, String prefix) throws IOException {
        json.writeObjectFieldStart("latency_ms");
        for (LatencyKind kind : LatencyKind.values()) {
            Histogram h = histograms.get(prefix + kind.label());
            if (h == null || h.getTotalCount() == 0) {
                continue;
            }
            json.writeObjectFieldStart(kind.label().replace('-', '_'));
            json.writeNumberField("count", h.getTotalCount());
            json.writeNumberField("mean", millis(h.getMean()));
            json.writeNumberField("p50", millis(h.getValueAtPercentile(50)));
            json.writeNumberField("p99", millis(h.getValueAtPercentile(99)));
            json.writeNumberField("p99_9", millis(h.getValueAtPercentile(99.9)));
            json.writeNumberField("max", millis(h.getMaxValue()));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static long sum(List<SlotStatus> slots, SlotField field) {
        return slots.stream().mapToLong(s -> s.get(field)).sum();
    }

    private static double millis(double nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
