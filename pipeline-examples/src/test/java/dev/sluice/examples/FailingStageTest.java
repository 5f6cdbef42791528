package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.outcome.RunFailedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailingStageTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldFailTheRunWithTheStagesExceptionAndLog() throws Exception {
        RunFailedException failure = assertThrows(RunFailedException.class,
                () -> Pipeline.load(testPipeline("failing.yaml")).workDir(dir).run());

        String message = failure.getMessage();
        assertTrue(message.contains("stage 'picky' worker"), message);
        assertTrue(message.matches("(?s).*\\(pid \\d+\\) failed with exit code 4.*"), message);
        assertTrue(message.contains("java.lang.IllegalStateException: refusing record 777"), message);
        assertTrue(message.contains("last lines:"), message);
        Path runDir;
        try (var runs = java.nio.file.Files.list(dir.resolve("failing"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        Cli status = Cli.run("status", runDir.toString());
        assertTrue(status.out().matches("(?s)pipeline failing: failed after [0-9.]+ s: failed: stage 'picky' worker \\d "
                + "\\(pid \\d+\\) failed with exit code 4: .*refusing record 777.*"), status.toString());
    }

    @Test
    void shouldFailAnInProcessRunWithTheStagesException() {
        RunFailedException failure = assertThrows(RunFailedException.class,
                () -> Pipeline.load(testPipeline("failing.yaml")).workDir(dir).inProcess(true).run());

        assertTrue(failure.getMessage().contains("refusing record 777"), failure.getMessage());
    }
}
