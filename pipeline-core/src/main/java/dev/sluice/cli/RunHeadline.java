package dev.sluice.cli;

import dev.sluice.counters.PipelineField;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.RunState;
import dev.sluice.runtime.RunLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** The first line of {@code sluice status}: what became of the run, or how long it has been going. */
final class RunHeadline {
    /** A supervisor polls every 50 ms; this much silence means it is stopped or stuck. */
    private static final long SILENT_MS = 5_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private RunHeadline() {
    }

    /** Whether a supervisor is still working on the run (so rates are worth measuring). */
    static boolean isLive(RunSnapshot now) {
        RunState state = RunState.of(now.pipeline().getOrDefault(PipelineField.RUN_STATE, 0L));
        return (state == RunState.RUNNING || state == RunState.UNKNOWN) && supervisorAlive(now);
    }

    static String of(RunSnapshot now, RunLayout layout) {
        long started = field(now, PipelineField.STARTED_MS);
        long finished = field(now, PipelineField.FINISHED_MS);
        long pid = field(now, PipelineField.SUPERVISOR_PID);
        String resume = "; `sluice resume " + layout.dir() + "` continues it";
        switch (RunState.of(field(now, PipelineField.RUN_STATE))) {
            case COMPLETED:
                return String.format("completed: finished in %s at %s", seconds(finished - started),
                        TIME.format(Instant.ofEpochMilli(finished)));
            case FAILED:
                return "failed after " + seconds(finished - started) + ": " + failure(layout) + resume;
            case STOPPED:
                return "stopped after " + seconds(finished - started) + resume;
            case RUNNING:
                if (!supervisorAlive(now)) {
                    return "supervisor gone (pid " + pid + ", last seen "
                            + seconds(now.takenMillis() - field(now, PipelineField.SUPERVISOR_HEARTBEAT_MS))
                            + " ago) after " + seconds(now.takenMillis() - started) + resume;
                }
                long silent = now.takenMillis() - field(now, PipelineField.SUPERVISOR_HEARTBEAT_MS);
                return "running for " + seconds(now.takenMillis() - started) + ", supervisor pid " + pid
                        + (silent > SILENT_MS ? ", which has not responded for " + seconds(silent) : "");
            default:
                return "supervisor pid " + pid + (supervisorAlive(now) ? "" : " (gone)")
                        + ", started " + seconds(now.takenMillis() - started) + " ago (an older control file: no run state)";
        }
    }

    private static boolean supervisorAlive(RunSnapshot now) {
        return Liveness.isAlive(field(now, PipelineField.SUPERVISOR_PID), field(now, PipelineField.STARTED_MS));
    }

    /** The first line of {@code failure.txt}, without the "run DIR" it starts with. */
    private static String failure(RunLayout layout) {
        try {
            String first;
            try (BufferedReader in = Files.newBufferedReader(layout.failure(), StandardCharsets.UTF_8)) {
                first = Objects.requireNonNullElse(in.readLine(), ""); // the rest is a log's tail: not shown here
            }
            String prefix = "run " + layout.dir() + " ";
            return first.startsWith(prefix) ? first.substring(prefix.length()) : first;
        } catch (IOException e) {
            return "(no failure.txt: " + e.getMessage() + ")";
        }
    }

    private static long field(RunSnapshot now, PipelineField field) {
        return now.pipeline().getOrDefault(field, 0L);
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", Math.max(0, millis) / 1000.0);
    }
}
