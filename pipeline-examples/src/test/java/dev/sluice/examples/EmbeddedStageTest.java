package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sluice.EmbeddedStage;
import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
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
        Pipeline pipeline = Pipeline.load(testPipeline("embedded.yaml"), Map.of()).workDir(dir);
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("embedded"))) {
            EmbeddedStage first = EmbeddedStage.attach(run.runDirectory(), "total");
            CompletableFuture<String> stopped = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.run();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            run.awaitSlot("total-0", s -> s.get(SlotField.RECORDS_IN) > 50_000);
            first.stop();
            assertNull(stopped.get());

            String value = EmbeddedStage.attach(run.runDirectory(), "total").run();

            assertEquals(Long.toString(200_000L * 200_001 / 2), value);
            assertEquals(value, run.result().value());
        }
    }
}
