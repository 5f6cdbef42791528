package dev.sluice.supervisor;

import dev.sluice.counters.RunCounters;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints one line of per-stage progress every few seconds while a run works. */
final class ProgressReporter {
    static final long INTERVAL_MS = 2000;

    private final PrintStream out;
    private final RunCounters counters;
    private final long startMs = System.currentTimeMillis();
    private long nextMs = startMs + INTERVAL_MS;

    ProgressReporter(PrintStream out, RunCounters counters) {
        this.out = out;
        this.counters = counters;
    }

    /** When {@link #maybeReport} next prints. */
    long nextReportMs() {
        return nextMs;
    }

    void maybeReport() {
        long now = System.currentTimeMillis();
        if (out == null || now < nextMs) {
            return;
        }
        nextMs = now + INTERVAL_MS;
        StringBuilder line = new StringBuilder(String.format("[%6.1fs]", (now - startMs) / 1000.0));
        for (Map.Entry<String, List<SlotStatus>> stage : RunSnapshot.read(counters.reader()).byStage().entrySet()) {
            long in = stage.getValue().stream().mapToLong(s -> s.get(SlotField.RECORDS_IN)).sum();
            long out = stage.getValue().stream().mapToLong(s -> s.get(SlotField.RECORDS_OUT)).sum();
            line.append(' ').append(stage.getKey());
            if (stage.getValue().size() > 1) {
                line.append('(').append(stage.getValue().size()).append(')');
            }
            line.append(" in ").append(Counts.human(in)).append(" out ").append(Counts.human(out)).append(" |");
        }
        line.setLength(line.length() - 2);
        out.println(line);
    }
}
