package dev.sluice.supervisor;

import dev.sluice.config.PipelineConfig;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import dev.sluice.metrics.Backlogs;
import dev.sluice.rundir.RunContext;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Prints one line of progress every few seconds while a run works: how far its sources have read, with an
 * estimated time to go when they know their size, then per stage its counts, output rate, backlog and restarts.
 */
final class ProgressReporter {
    static final long INTERVAL_MS = 2000;

    private final PrintStream out;
    private final RunContext run;
    private final long startMs = System.currentTimeMillis();
    private long nextMs = startMs + INTERVAL_MS;
    private RunSnapshot previous;

    ProgressReporter(PrintStream out, RunContext run) {
        this.out = out;
        this.run = run;
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
        RunSnapshot snapshot = RunSnapshot.read(run.counters().reader());
        out.println(line(run.config(), previous, snapshot, now - startMs));
        previous = snapshot;
    }

    /** The line for {@code now}, {@code elapsedMs} into the run; rates over the time since {@code before} (if any). */
    static String line(PipelineConfig config, RunSnapshot before, RunSnapshot now, long elapsedMs) {
        StringBuilder line = new StringBuilder(String.format("[%6.1fs]", elapsedMs / 1000.0));
        long size = 0;
        long done = 0;
        for (SlotStatus slot : now.slots()) {
            size += slot.get(SlotField.SOURCE_SIZE);
            done += slot.get(SlotField.SOURCE_DONE);
        }
        if (size > 0) {
            double fraction = Math.min(1, (double) done / size);
            line.append(String.format(" %3.0f%%", 100 * fraction));
            if (fraction > 0 && fraction < 1) {
                line.append(" ETA ").append(duration(Math.round(elapsedMs * (1 - fraction) / fraction)));
            }
            line.append(" |");
        }
        double seconds = before == null ? 0 : Math.max(1, now.takenMillis() - before.takenMillis()) / 1000.0;
        List<Backlogs.Edge> backlogs = Backlogs.of(config, now);
        for (Map.Entry<String, List<SlotStatus>> stage : now.byStage().entrySet()) {
            String name = stage.getKey();
            line.append(' ').append(name);
            if (stage.getValue().size() > 1) {
                line.append('(').append(stage.getValue().size()).append(')');
            }
            long recordsOut = now.sum(name, SlotField.RECORDS_OUT);
            line.append(" in ").append(Counts.human(now.sum(name, SlotField.RECORDS_IN)))
                    .append(" out ").append(Counts.human(recordsOut));
            if (before != null) {
                line.append(' ').append(Counts.human((recordsOut - before.sum(name, SlotField.RECORDS_OUT)) / seconds))
                        .append("/s");
            }
            long waiting = Backlogs.waitingFor(backlogs, name)[1];
            if (waiting > 0) {
                line.append(" backlog ").append(Counts.human(waiting));
            }
            long restarts = now.sum(name, SlotField.RESTARTS);
            if (restarts > 0) {
                line.append(" restarts ").append(restarts);
            }
            line.append(" |");
        }
        line.setLength(line.length() - 2);
        return line.toString();
    }

    /** 1h02m, 3m05s, 42s. */
    static String duration(long millis) {
        long s = Math.max(0, millis) / 1000;
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, s / 60 % 60);
        }
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
