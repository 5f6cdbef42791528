package dev.sluice.cli;

import dev.sluice.config.ConfigLoader;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.StageConfig;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import dev.sluice.errors.DistinctError;
import dev.sluice.errors.DistinctErrors;
import dev.sluice.runtime.RunLayout;
import dev.sluice.runtime.RunProperties;
import dev.sluice.supervisor.Counts;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a run's processes live, read from its control.dat (works while the run is going).")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    RunDirectoryArgument runDirectory;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "1000",
            description = "time between the two readings rates are measured over (default ${DEFAULT-VALUE})")
    long intervalMs;

    @Option(names = "--watch", description = "redraw every interval (full screen on a terminal) until interrupted or the run ends")
    boolean watch;

    @Option(names = "--counters", description = "print every counter as 'label value', once, and exit (for scripts)")
    boolean counters;

    @Override
    public Integer call() throws Exception {
        RunLayout layout = runDirectory.layout();
        try (ControlFile control = ControlFile.open(layout.controlFile(), false)) {
            if (counters) {
                control.reader().forEach((id, label) -> System.out.println(label + " " + control.reader().getCounterValue(id)));
                return SluiceCli.OK;
            }
            PipelineConfig config = ConfigLoader.load(layout.pipelineYaml(), RunProperties.read(layout));
            RunSnapshot before = RunSnapshot.read(control.reader());
            boolean live = RunHeadline.isLive(before);
            do {
                RunSnapshot now = before;
                if (live) { // rates are measured over an interval; an ended run has none
                    Thread.sleep(intervalMs);
                    now = RunSnapshot.read(control.reader());
                    live = RunHeadline.isLive(now);
                }
                if (watch && System.console() != null) {
                    System.out.print("\033[H\033[2J"); // redraw the whole screen, as top does
                }
                print(System.out, config, layout, before, now);
                before = now;
            } while (watch && live);
        }
        return SluiceCli.OK;
    }

    static void print(PrintStream out, PipelineConfig config, RunLayout layout, RunSnapshot before, RunSnapshot now) {
        double seconds = Math.max(1, now.takenMillis() - before.takenMillis()) / 1000.0;
        out.println("pipeline " + config.name() + ": " + RunHeadline.of(now, layout));
        out.printf("%-16s %7s %10s %10s %10s %8s%n", "STAGE", "WORKERS", "IN", "OUT", "OUT/s", "LAG");
        for (StageConfig stage : config.stages()) {
            long lag = 0;
            for (String input : stage.inputs()) {
                lag += now.sum(input, SlotField.DOCS_OUT);
            }
            lag = stage.inputs().isEmpty() ? 0 : lag - now.sum(stage.name(), SlotField.DOCS_IN);
            long outNow = now.sum(stage.name(), SlotField.RECORDS_OUT);
            double rate = (outNow - before.sum(stage.name(), SlotField.RECORDS_OUT)) / seconds;
            out.printf("%-16s %7d %10s %10s %10s %8s%n", stage.name(), stage.workers(),
                    Counts.human(now.sum(stage.name(), SlotField.RECORDS_IN)), Counts.human(outNow),
                    Counts.human(rate), lag + " docs");
        }
        out.printf("%n%-18s %8s %-9s %10s %10s %10s %9s %8s %6s %9s %6s %8s%n", "PROCESS", "PID", "STATE", "IN", "OUT",
                "IN/s", "HEARTBEAT", "RESTARTS", "ERRORS", "HELD-BACK", "BUSY%", "CPU");
        List<SlotStatus> previous = before.slots();
        for (int i = 0; i < now.slots().size(); i++) {
            SlotStatus slot = now.slots().get(i);
            long in = slot.get(SlotField.RECORDS_IN);
            double rate = i < previous.size() ? (in - previous.get(i).get(SlotField.RECORDS_IN)) / seconds : 0;
            boolean working = slot.state() == ProcessState.STARTING || slot.state() == ProcessState.RUNNING;
            boolean gone = working && !Liveness.isAlive(slot.get(SlotField.PID), slot.get(SlotField.STARTED_MS));
            long heartbeat = slot.get(SlotField.HEARTBEAT_MS);
            String age = heartbeat == 0 || !working || gone ? "-"
                    : String.format("%.1fs", (now.takenMillis() - heartbeat) / 1000.0);
            long busy = slot.get(SlotField.BUSY_MS);
            long all = Math.max(1, busy + slot.get(SlotField.IDLE_MS) + slot.get(SlotField.BACKPRESSURE_MS));
            out.printf("%-18s %8d %-9s %10s %10s %10s %9s %8d %6d %8.1fs %5.0f%% %7.1fs%n", slot.slotName(), slot.get(SlotField.PID),
                    gone ? "gone" : slot.state().label(), Counts.human(in), Counts.human(slot.get(SlotField.RECORDS_OUT)),
                    Counts.human(rate), age, slot.get(SlotField.RESTARTS), slot.get(SlotField.ERRORS),
                    slot.get(SlotField.BACKPRESSURE_MS) / 1000.0, 100.0 * busy / all, slot.get(SlotField.CPU_MS) / 1000.0);
        }
        printErrors(out, layout);
        out.println();
    }

    /** What the distinct-error logs hold, in one line: the latest error, and where to see them all. */
    private static void printErrors(PrintStream out, RunLayout layout) {
        try {
            List<DistinctError> errors = DistinctErrors.read(layout.errors());
            if (!errors.isEmpty()) {
                DistinctError latest = errors.get(errors.size() - 1);
                out.printf("%nerrors: %d distinct, %d in all; latest in %s: %s; `sluice errors %s` lists them%n",
                        errors.size(), errors.stream().mapToLong(DistinctError::count).sum(), latest.stage(),
                        latest.headline(), layout.dir());
            }
        } catch (IOException e) {
            out.println("errors: unreadable (" + e.getMessage() + ")");
        }
    }
}
