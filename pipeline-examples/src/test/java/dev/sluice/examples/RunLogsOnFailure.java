package dev.sluice.examples;

import dev.sluice.errors.DistinctError;
import dev.sluice.errors.DistinctErrors;
import dev.sluice.rundir.RunLayout;
import dev.sluice.supervisor.LogTail;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When a test fails, prints what its runs left (as Aeron's SystemTestWatcher prints the driver's files): each run
 * directory's failure, the tail of the supervisor's log, the tails of stage logs that report an error, and the
 * distinct errors; a red CI run can be read without running it again. Run directories are found under the test's
 * {@code @TempDir}s ({@link RememberedTempDirs}), before JUnit deletes them.
 */
public final class RunLogsOnFailure implements AfterTestExecutionCallback {
    private static final int SEARCH_DEPTH = 6;
    private static final int SUPERVISOR_LINES = 40;
    private static final int STAGE_LINES = 25;

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        PrintStream out = System.err;
        for (Path tempDir : RememberedTempDirs.of(context)) {
            for (Path runDir : runDirectories(tempDir)) {
                out.println("==== " + context.getDisplayName() + " failed; run directory " + runDir);
                print(out, new RunLayout(runDir));
            }
        }
    }

    private static List<Path> runDirectories(Path tempDir) {
        try (Stream<Path> files = Files.find(tempDir, SEARCH_DEPTH, (path, attributes) ->
                path.getFileName().toString().equals("control.dat"))) {
            return files.map(Path::getParent).sorted().toList();
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }

    private static void print(PrintStream out, RunLayout run) {
        try {
            String failure = Files.exists(run.failure()) ? Files.readString(run.failure()).stripTrailing() : "";
            if (!failure.isEmpty()) {
                out.println("---- failure.txt");
                out.println(failure);
            }
            for (Path log : logs(run)) {
                boolean supervisor = log.getFileName().toString().startsWith("supervisor-");
                if (!supervisor && failure.contains(log.toString())) {
                    continue; // failure.txt holds its tail already
                }
                List<String> tail = LogTail.lines(log, supervisor ? SUPERVISOR_LINES : STAGE_LINES);
                if (supervisor || tail.stream().anyMatch(l -> l.contains("ERROR") || l.contains("Exception"))) {
                    out.println("---- " + run.dir().relativize(log) + " (last " + tail.size() + " lines)");
                    tail.forEach(out::println);
                }
            }
            List<DistinctError> errors = DistinctErrors.read(run.errors());
            if (!errors.isEmpty()) {
                out.println("---- distinct errors");
                errors.forEach(e -> out.println(e.count() + " x " + e.headline() + " (stage " + e.stage() + ")"));
            }
        } catch (IOException | RuntimeException e) {
            out.println("(cannot read the run directory: " + e + ")");
        }
    }

    private static List<Path> logs(RunLayout run) throws IOException {
        if (!Files.isDirectory(run.logs())) {
            return List.of();
        }
        try (Stream<Path> logs = Files.list(run.logs())) {
            return logs.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
