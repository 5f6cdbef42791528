package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sluice.EmbeddedStage;
import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch job's JVM runs the aggregate of a running pipeline, stops midway, attaches again: exact result. */
class EmbeddedStageTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldRunAStageInThisJvmAndResumeItExactlyAfterAStop() throws Exception {
        Path gate = dir.resolve("gate");
        Pipeline pipeline = Pipeline.load(testPipeline("embedded.yaml"), Map.of("gate", gate.toString()))
                .workDir(dir.resolve("runs"));
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs/embedded"))) {
            EmbeddedStage first = EmbeddedStage.attach(run.runDirectory(), "total");
            CompletableFuture<String> stopped = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.run();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            // the source holds the run open until the gate exists: however late this thread sees the records
            // come in, the aggregate cannot have finished before it is stopped
            run.awaitSlot("total-0", s -> s.get(SlotField.RECORDS_IN) > 50_000);
            first.stop();
            assertNull(stopped.get());
            Files.createFile(gate);

            String value = EmbeddedStage.attach(run.runDirectory(), "total").run();

            assertEquals(Long.toString(199_999L * 200_000 / 2), value); // 0 to 199,999
            assertEquals(value, run.result().value());
        }
    }
}
