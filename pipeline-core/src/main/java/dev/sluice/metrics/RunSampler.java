package dev.sluice.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import dev.sluice.files.PrivateFiles;
import dev.sluice.rundir.RunContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the supervisor samples every {@code metrics.interval}: each live slot process's resident memory from
 * /proc (into its slot's counters), and one line of the run's timeline, {@code metrics/timeline.jsonl}: the time,
 * every slot's counters that move (records, busy/backpressure/CPU time, memory, restarts, hangs, errors) and the
 * backlog of every stage, which is what the report draws throughput, backlog and restarts over time from.
 */
public final class RunSampler {
    public static final String TIMELINE = "timeline.jsonl";
    /** The slot fields each timeline line holds, by their counter labels. */
    static final List<SlotField> SAMPLED = List.of(SlotField.STATE, SlotField.RECORDS_IN, SlotField.RECORDS_OUT,
            SlotField.BUSY_MS, SlotField.IDLE_MS, SlotField.BACKPRESSURE_MS, SlotField.CPU_MS, SlotField.RSS_BYTES,
            SlotField.RESTARTS, SlotField.HANGS, SlotField.ERRORS);

    private final RunContext run;
    private final long intervalMs;
    private final Path timeline;
    private long nextMs;
    private boolean broken;

    public RunSampler(RunContext run) {
        this.run = run;
        this.intervalMs = run.config().metrics().intervalMillis();
        this.timeline = run.layout().metrics().resolve(TIMELINE);
    }

    /** Samples if an interval has passed since the last sample. */
    public void maybeSample(long nowMs) {
        if (nowMs >= nextMs) {
            nextMs = nowMs + intervalMs;
            sample(nowMs);
        }
    }

    /** Samples now (the run ends). */
    public void sample(long nowMs) {
        RunSnapshot snapshot = RunSnapshot.read(run.counters().reader());
        for (SlotStatus slot : snapshot.slots()) {
            ProcessState state = slot.state();
            if (state == ProcessState.STARTING || state == ProcessState.RUNNING) {
                ProcessMemory memory = ProcessMemory.of(slot.get(SlotField.PID));
                if (memory != null) {
                    SlotCounters counters = run.counters().slot(slot.stageIndex(), slot.worker());
                    counters.get(SlotField.RSS_BYTES).setRelease(memory.rssBytes());
                    counters.get(SlotField.PEAK_RSS_BYTES).proposeMaxRelease(memory.peakBytes());
                }
            }
        }
        if (!broken) {
            append(line(nowMs, RunSnapshot.read(run.counters().reader())));
        }
    }

    private String line(long nowMs, RunSnapshot snapshot) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("t", nowMs);
            json.writeObjectFieldStart("slots");
            for (SlotStatus slot : snapshot.slots()) {
                json.writeObjectFieldStart(slot.slotName());
                for (SlotField field : SAMPLED) {
                    json.writeNumberField(field.label(), slot.get(field));
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("backlog");
            for (Backlogs.Edge edge : Backlogs.of(run.config(), snapshot)) {
                json.writeArrayFieldStart(edge.stage() + "<" + edge.input());
                json.writeNumber(edge.documents());
                json.writeNumber(edge.records());
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return text.append('\n').toString();
    }

    private void append(String line) {
        try {
            if (!Files.exists(timeline)) {
                PrivateFiles.createFile(timeline);
            }
            try (OutputStream out = Files.newOutputStream(timeline, StandardOpenOption.APPEND)) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            broken = true; // metrics must not stop a run: say so once
            LoggerFactory.getLogger(RunSampler.class).warn("cannot write {}: {}; no more timeline", timeline, e.toString());
        }
    }

    /** Jackson is set up at the first sample, not on the supervisor's way to starting the stage JVMs. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }
}
