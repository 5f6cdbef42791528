package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every end-to-end test shares: where pipelines live, the check that no process is left behind, the
 * {@code process} tag (they start JVMs: {@code mvn verify -DexcludedGroups=process} runs only the fast tests), a
 * timeout for any test that sets none (a hang fails with a thread dump, not a stuck build), and the run logs of
 * a failed test printed ({@link RunLogsOnFailure}).
 */
@Tag("process")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@ExtendWith(RunLogsOnFailure.class)
abstract class PipelineTestSupport {
    private static final long KILLED_WAIT_SECONDS = 10;

    /** A pipeline of the project's config/ directory (tests run in the module directory). */
    static Path config(String name) {
        return Path.of("..", "config", name);
    }

    /** A test-only pipeline. */
    static Path testPipeline(String name) {
        return Path.of("src", "test", "resources", "pipelines", name);
    }

    /** The 1-based line of a file where {@code text} first appears, so messages with positions survive edits of the file. */
    static int lineOf(Path file, String text) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new AssertionError(file + " has no line with " + text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Fails the test on any process it left behind, after killing them, so they cannot disturb the next test. */
    @AfterEach
    void leavesNoProcessBehind() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        List<String> described = left.stream()
                .map(p -> p.pid() + " " + p.info().arguments().map(a -> String.join(" ",
                        java.util.Arrays.asList(a).subList(Math.max(0, a.length - 4), a.length))).orElse("?"))
                .toList();
        for (ProcessHandle process : left) {
            process.destroyForcibly();
        }
        for (ProcessHandle process : left) {
            process.onExit().completeOnTimeout(process, KILLED_WAIT_SECONDS, TimeUnit.SECONDS).join();
        }
        assertEquals(List.of(), described, "processes left behind (now killed)");
    }
}
