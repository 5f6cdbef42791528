package dev.sluice.testkit;

import dev.sluice.errors.DistinctError;
import dev.sluice.errors.DistinctErrors;
import dev.sluice.runtime.RunLayout;
import dev.sluice.supervisor.RunFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A test's pipeline run failed. The message says which process failed and how, with the end of its log (as
 * {@code sluice run} prints it), then the run's distinct errors with their stack traces, and the run directory.
 */
public final class PipelineFailedError extends AssertionError {
    private final transient Path runDirectory;

    private PipelineFailedError(String message, RunFailedException cause, Path runDirectory) {
        super(message, cause);
        this.runDirectory = runDirectory;
    }

    static PipelineFailedError of(RunFailedException failure, Path workDir) {
        Optional<Path> runDir = latestRun(workDir);
        StringBuilder message = new StringBuilder(failure.getMessage());
        runDir.ifPresent(dir -> appendErrors(message, new RunLayout(dir).errors()));
        runDir.ifPresent(dir -> message.append("\nrun directory: ").append(dir));
        return new PipelineFailedError(message.toString(), failure, runDir.orElse(null));
    }

    /** The failed run's directory (logs/, errors/, queues/), or null if it was not made. */
    public Path runDirectory() {
        return runDirectory;
    }

    private static void appendErrors(StringBuilder message, Path errorsDir) {
        try {
            List<DistinctError> errors = DistinctErrors.read(errorsDir);
            if (!errors.isEmpty()) {
                message.append("\ndistinct errors (").append(errors.size()).append("):");
            }
            for (DistinctError e : errors) {
                message.append("\n  ").append(e.count()).append(" x in stage ").append(e.stage())
                        .append(", worker(s) ").append(e.workers()).append(":\n")
                        .append(e.stackTrace().indent(4).stripTrailing());
            }
        } catch (IOException e) {
            message.append("\n(the distinct-error logs could not be read: ").append(e).append(')');
        }
    }

    /** The run under {@code workDir} ({@code <pipeline>/<run-id>}) changed last: the test's work dir holds its runs alone. */
    private static Optional<Path> latestRun(Path workDir) {
        try (Stream<Path> files = Files.find(workDir, 3, (path, attributes) -> path.endsWith("control.dat"))) {
            return files.map(Path::getParent).max(Comparator.comparingLong(PipelineFailedError::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0; // gone meanwhile: not the latest
        }
    }
}
