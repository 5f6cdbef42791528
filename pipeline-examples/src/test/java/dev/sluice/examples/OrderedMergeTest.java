package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderedMergeTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldDeliverAParallelStagesOutputInInputOrderWhenOrdered() throws Exception {
        Path output = dir.resolve("ordered.txt");

        Pipeline.load(testPipeline("ordered.yaml"), Map.of("to", "30000", "workers", "3", "batch", "16",
                "output", output.toString())).workDir(dir).run();

        List<String> expected = LongStream.rangeClosed(1, 30_000).mapToObj(Long::toString).toList();
        assertEquals(expected, Files.readAllLines(output));
    }
}
