package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldDeleteConsumedCyclesUnlessRetained() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 1, 6_000);
        String expected = Corpus.expectedTsv(corpus);

        long kept = cycleFilesAfterRun(corpus, "true", expected);
        long left = cycleFilesAfterRun(corpus, "false", expected);

        assertTrue(kept >= 4, "a retained run kept " + kept + " cycle files: it did not span enough cycles");
        assertTrue(left <= 2, "consumed cycles were not deleted: " + left + " of " + kept + " left");
    }

    /** Runs the pipeline for at least four one-second cycles; returns the source queue's cycle files. */
    private long cycleFilesAfterRun(Path corpus, String retain, String expected) throws Exception {
        Path work = dir.resolve("runs-" + retain);
        Path gate = dir.resolve("gate-" + retain);
        Path output = dir.resolve("counts-" + retain + ".tsv");
        Pipeline pipeline = Pipeline.load(testPipeline("retention.yaml"), Map.of("input", corpus + "/*",
                "output", output.toString(), "retain", retain, "gate", gate.toString())).workDir(work);
        try (LiveRun run = LiveRun.start(pipeline, work.resolve("retention"))) {
            long started = System.currentTimeMillis();
            LiveRun.await(() -> System.currentTimeMillis() - started > 4_500, run.future()); // spans the cycles
            Files.createFile(gate);
            run.result();
            assertEquals(expected, Files.readString(output));
            try (var files = Files.list(run.runDirectory().resolve("queues/read-0"))) {
                return files.filter(f -> f.toString().endsWith(".cq4")).count();
            }
        }
    }
}
