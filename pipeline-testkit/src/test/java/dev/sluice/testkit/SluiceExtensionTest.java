package dev.sluice.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension: a work directory per test, pipelines that run in it. */
@Timeout(120)
class SluiceExtensionTest {
    @RegisterExtension
    final SluiceExtension sluice = new SluiceExtension();

    @Test
    void runsPipelinesInTheTestsOwnWorkDirectory() {
        TestRun run = sluice.named("doubled")
                .source("numbers", "range", Map.of("from", 1, "to", 10))
                .then("twice", Twice.class)
                .then("total", "sum", Map.of())
                .run();

        assertEquals("110", run.value());
        assertTrue(run.runDirectory().startsWith(sluice.workDir()), run.runDirectory().toString());
        assertTrue(Files.isDirectory(sluice.workDir()));
    }
}
