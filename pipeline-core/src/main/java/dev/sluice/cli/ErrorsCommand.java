package dev.sluice.cli;

import dev.sluice.errors.DistinctError;
import dev.sluice.errors.DistinctErrors;
import dev.sluice.runtime.RunLayout;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice errors RUN_DIR}: Aeron's ErrorStat for a run, from its distinct-error logs (live or not). */
@Command(name = "errors", mixinStandardHelpOptions = true,
        description = {"List a run's distinct errors, read from the slot processes' distinct-error logs (errors/):",
                "each exception once, with its count, first and last time, stage, workers and pids. Works while the run goes."})
final class ErrorsCommand implements Callable<Integer> {
    @Mixin
    RunDirectoryArgument runDirectory;

    @Option(names = "--stack", description = "print each stack trace too")
    boolean stack;

    @Override
    public Integer call() throws Exception {
        RunLayout layout = runDirectory.layout();
        print(System.out, DistinctErrors.read(layout.errors()), stack);
        return SluiceCli.OK;
    }

    static void print(PrintStream out, List<DistinctError> errors, boolean stack) {
        long total = errors.stream().mapToLong(DistinctError::count).sum();
        out.println(errors.size() + " distinct error(s), " + total + " in all");
        for (DistinctError e : errors) {
            out.printf("%,d x %s%n    stage %s, worker(s) %s, pid(s) %s, first %s, last %s%n", e.count(), e.headline(),
                    e.stage(), join(e.workers()), join(e.pids()), Instant.ofEpochMilli(e.firstMillis()),
                    Instant.ofEpochMilli(e.lastMillis()));
            if (stack) {
                out.println(e.stackTrace().indent(4).stripTrailing());
            }
        }
    }

    private static String join(Iterable<?> values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append(text.isEmpty() ? "" : ",").append(value);
        }
        return text.toString();
    }
}
