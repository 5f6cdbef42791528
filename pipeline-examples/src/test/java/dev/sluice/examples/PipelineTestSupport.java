package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** What every end-to-end test shares: where pipelines live, and the check that no process is left behind. */
abstract class PipelineTestSupport {
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

    @AfterEach
    void leavesNoProcessBehind() {
        List<String> left = ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().arguments().map(a -> String.join(" ",
                        java.util.Arrays.asList(a).subList(Math.max(0, a.length - 4), a.length))).orElse("?"))
                .toList();
        assertEquals(List.of(), left, "processes left behind");
    }
}
