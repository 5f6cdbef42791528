package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.outcome.RunFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskGuardTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldStopWithOneClearErrorWhenTheDiskIsFullAndResumeOnceThereIsRoom() throws Exception {
        // No disk here is 1000 TB free, so the run finds its disk "full", as a filling disk would.
        RunFailedException full = assertThrows(RunFailedException.class,
                () -> Pipeline.load(testPipeline("disk.yaml"), Map.of("min-free", "1000TB")).workDir(dir).run());
        assertTrue(full.getMessage().contains("disk nearly full"), full.getMessage());
        assertTrue(full.getMessage().contains("sluice resume"), full.getMessage());

        Path runDir;
        try (var runs = Files.list(dir.resolve("disk"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        assertEquals(Long.toString(5_000_050_000L),
                Pipeline.resume(runDir, Map.of("min-free", "1MB"), null).value());
    }
}
