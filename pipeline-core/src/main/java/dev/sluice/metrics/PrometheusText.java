package dev.sluice.metrics;

import dev.sluice.config.PipelineConfig;
import dev.sluice.counters.LatencyKind;
import dev.sluice.counters.LatencyKind.Stat;
import dev.sluice.counters.PipelineField;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.RunState;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.agrona.concurrent.status.CountersReader;

/**
 * A run's counters in Prometheus's text exposition format (version 0.0.4), named by Prometheus's conventions:
 * {@code sluice_stage_*} per slot with labels {@code stage} and {@code worker}, counters ending in {@code _total},
 * times in seconds, sizes in bytes, latencies as summaries with quantiles 0.5, 0.99 and 0.999. Everything comes
 * from {@code control.dat}, so any process can serve any live run.
 */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** A per-slot metric: its name, type, help, and how it is read from a slot's counters. */
    private record SlotMetric(String name, String type, String help, ToDoubleFunction<SlotStatus> value) {
    }

    private static final List<SlotMetric> SLOT_METRICS = List.of(
            counter("records_in_total", "Records taken in.", SlotField.RECORDS_IN, 1),
            counter("records_out_total", "Records put out.", SlotField.RECORDS_OUT, 1),
            counter("documents_in_total", "Documents (batches) taken in.", SlotField.DOCS_IN, 1),
            counter("documents_out_total", "Documents (batches) appended.", SlotField.DOCS_OUT, 1),
            counter("bytes_in_total", "Bytes of documents taken in, headers included.", SlotField.BYTES_IN, 1),
            counter("bytes_out_total", "Bytes of documents appended.", SlotField.BYTES_OUT, 1),
            counter("errors_total", "Records that failed, and failures of the slot's processes.", SlotField.ERRORS, 1),
            counter("restarts_total", "Processes restarted by the supervisor.", SlotField.RESTARTS, 1),
            counter("hangs_total", "Processes killed for a stale heartbeat.", SlotField.HANGS, 1),
            counter("busy_seconds_total", "Time in duty cycles that did work.", SlotField.BUSY_MS, 1e-3),
            counter("idle_seconds_total", "Time in duty cycles that found nothing to do.", SlotField.IDLE_MS, 1e-3),
            counter("backpressure_seconds_total", "Time held back by max-lag, waiting for the slowest reader.",
                    SlotField.BACKPRESSURE_MS, 1e-3),
            counter("cpu_seconds_total", "CPU time of the slot's processes.", SlotField.CPU_MS, 1e-3),
            gauge("resident_memory_bytes", "Resident memory of the current process (sampled from /proc).",
                    SlotField.RSS_BYTES, 1),
            gauge("peak_resident_memory_bytes", "The most resident memory any process of the slot had.",
                    SlotField.PEAK_RSS_BYTES, 1),
            gauge("heartbeat_timestamp_seconds", "The slot's last heartbeat.", SlotField.HEARTBEAT_MS, 1e-3),
            gauge("source_done", "How much of its input a sized source has read (bytes for files).",
                    SlotField.SOURCE_DONE, 1),
            gauge("source_size", "A sized source's input in all (0: unknown).", SlotField.SOURCE_SIZE, 1));

    private PrometheusText() {
    }

    private static SlotMetric counter(String name, String help, SlotField field, double scale) {
        return new SlotMetric("sluice_stage_" + name, "counter", help, s -> s.get(field) * scale);
    }

    private static SlotMetric gauge(String name, String help, SlotField field, double scale) {
        return new SlotMetric("sluice_stage_" + name, "gauge", help, s -> s.get(field) * scale);
    }

    /** The exposition of a run's counters as they are now, backlogs (which need the pipeline's edges) included. */
    public static String of(PipelineConfig config, CountersReader counters) {
        RunSnapshot snapshot = RunSnapshot.read(counters);
        return of(snapshot, Backlogs.of(config, snapshot));
    }

    /** The exposition of {@code snapshot}; {@code backlogs} may be empty (then none are shown). */
    public static String of(RunSnapshot snapshot, List<Backlogs.Edge> backlogs) {
        StringBuilder out = new StringBuilder(8192);
        RunState state = RunState.of(snapshot.pipeline().getOrDefault(PipelineField.RUN_STATE, 0L));
        header(out, "sluice_run_state", "gauge", "1 for the run's state.");
        for (RunState s : RunState.values()) {
            out.append("sluice_run_state{state=\"").append(s.name().toLowerCase(Locale.ROOT)).append("\"} ")
                    .append(s == state ? 1 : 0).append('\n');
        }
        header(out, "sluice_run_start_timestamp_seconds", "gauge", "When the run (or its last resume) started.");
        out.append("sluice_run_start_timestamp_seconds ")
                .append(number(snapshot.pipeline().getOrDefault(PipelineField.STARTED_MS, 0L) / 1000.0)).append('\n');
        header(out, "sluice_stage_state", "gauge", "1 for each slot's process state.");
        for (SlotStatus slot : snapshot.slots()) {
            for (ProcessState s : ProcessState.values()) {
                out.append("sluice_stage_state{").append(labels(slot)).append(",state=\"").append(s.label()).append("\"} ")
                        .append(s == slot.state() ? 1 : 0).append('\n');
            }
        }
        for (SlotMetric metric : SLOT_METRICS) {
            header(out, metric.name(), metric.type(), metric.help());
            for (SlotStatus slot : snapshot.slots()) {
                out.append(metric.name()).append('{').append(labels(slot)).append("} ")
                        .append(number(metric.value().applyAsDouble(slot))).append('\n');
            }
        }
        for (LatencyKind kind : LatencyKind.values()) {
            String name = "sluice_stage_" + kind.label().replace('-', '_') + "_seconds";
            header(out, name, "summary", switch (kind) {
                case PROCESSING -> "Time a stage took over a document (quantiles: of the slot's current process).";
                case QUEUE_WAIT -> "Time a document waited in its queue before the stage took it.";
                case END_TO_END -> "Time from a document's origin (its source batch) to processed by an aggregate.";
            });
            for (SlotStatus slot : snapshot.slots()) {
                if (slot.get(kind.field(Stat.COUNT)) == 0) {
                    continue;
                }
                String labels = labels(slot);
                quantile(out, name, labels, "0.5", slot.get(kind.field(Stat.P50_NS)));
                quantile(out, name, labels, "0.99", slot.get(kind.field(Stat.P99_NS)));
                quantile(out, name, labels, "0.999", slot.get(kind.field(Stat.P999_NS)));
                out.append(name).append("_sum{").append(labels).append("} ")
                        .append(number(slot.get(kind.field(Stat.SUM_NS)) / 1e9)).append('\n');
                out.append(name).append("_count{").append(labels).append("} ")
                        .append(slot.get(kind.field(Stat.COUNT))).append('\n');
            }
        }
        if (!backlogs.isEmpty()) {
            header(out, "sluice_stage_backlog_documents", "gauge", "Documents written by an input stage, not yet consumed.");
            backlogs.forEach(e -> edge(out, "sluice_stage_backlog_documents", e, e.documents()));
            header(out, "sluice_stage_backlog_records", "gauge", "Records written by an input stage, not yet consumed.");
            backlogs.forEach(e -> edge(out, "sluice_stage_backlog_records", e, e.records()));
        }
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void quantile(StringBuilder out, String name, String labels, String q, long nanos) {
        out.append(name).append('{').append(labels).append(",quantile=\"").append(q).append("\"} ")
                .append(number(nanos / 1e9)).append('\n');
    }

    private static void edge(StringBuilder out, String name, Backlogs.Edge edge, long value) {
        out.append(name).append("{stage=\"").append(escape(edge.stage())).append("\",input=\"")
                .append(escape(edge.input())).append("\"} ").append(value).append('\n');
    }

    private static String labels(SlotStatus slot) {
        return "stage=\"" + escape(slot.stage()) + "\",worker=\"" + slot.worker() + "\"";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
