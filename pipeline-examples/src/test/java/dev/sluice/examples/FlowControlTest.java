package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowControlTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldHoldAWriterWithinMaxLagOfItsSlowestReader() throws Exception {
        Pipeline pipeline = Pipeline.load(testPipeline("lagging.yaml"), Map.of()).workDir(dir);
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("lagging"))) {
            long worstLag = 0;
            while (!run.future().isDone()) {
                long written = run.slot("numbers-0").get(SlotField.DOCS_OUT); // first, so the lag is not overstated
                long consumed = run.slot("slow-0").get(SlotField.DOCS_IN);
                worstLag = Math.max(worstLag, written - consumed);
                Thread.sleep(1); // sampling interval
            }

            assertEquals("2000", run.result().value());
            assertTrue(worstLag <= 5, "lag reached " + worstLag + " documents");
            assertTrue(worstLag >= 4, "the source was never ahead: the test did not test anything");
            assertTrue(run.slot("numbers-0").get(SlotField.BACKPRESSURE_MS) > 0);
        }
    }
}
