package dev.sluice.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.outcome.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example that maps to Flink gives the same bytes on {@code flink-local} as on the local engine
 * (its stages over Chronicle queues), from the same YAML and stage classes.
 */
@Tag("process")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SameResultsAsLocalTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestClusters.miniCluster();

    @TempDir
    Path dir;

    @Test
    void wordCountIsTheSameOnFlink() throws Exception {
        assertSameOutput(FlinkTestClusters.CONFIG.resolve("wordcount.yaml"), Map.of("workers", "2"));
    }

    @Test
    void primesAreTheSameOnFlink() throws Exception {
        assertSameOutput(FlinkTestClusters.CONFIG.resolve("primes.yaml"), Map.of("to", "30000", "workers", "2"));
    }

    @Test
    void orderedPrimesAreTheSameAndInSourceOrderOnFlink() throws Exception {
        Path flinkOutput = assertSameOutput(FlinkTestClusters.PIPELINES.resolve("primes-ordered.yaml"),
                Map.of("to", "20000", "workers", "3"));

        List<Long> primes = Files.readAllLines(flinkOutput).stream().map(Long::parseLong).toList();
        assertEquals(2262, primes.size());
        assertEquals(primes.stream().sorted().collect(Collectors.toList()), primes);
    }

    @Test
    void sqrtSumIsTheSameOnFlink() throws Exception {
        assertSameOutput(FlinkTestClusters.CONFIG.resolve("sqrt-sum.yaml"),
                Map.of("n", "200000", "tasks", "8", "workers", "2"));
    }

    @Test
    void producerConsumerIsTheSameOnFlink() throws Exception {
        assertSameOutput(FlinkTestClusters.CONFIG.resolve("producer-consumer.yaml"), Map.of("count", "200"));
    }

    /** Runs the pipeline on both engines with {@code output} in its own folder each; returns Flink's output. */
    private Path assertSameOutput(Path yaml, Map<String, String> params) throws Exception {
        Path local = run(yaml, params, "local");
        Path flink = run(yaml, params, "flink-local");
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(flink),
                "the output of " + yaml.getFileName() + " on Flink differs from the local engine's");
        return flink;
    }

    private Path run(Path yaml, Map<String, String> params, String engine) throws Exception {
        Path output = dir.resolve(engine).resolve("output.txt");
        Files.createDirectories(output.getParent());
        Map<String, String> all = new HashMap<>(params);
        all.put("output", output.toString());
        // the local engine's stages as threads of this JVM (--in-process): the same runtime, queues and
        // stage code as its processes, without a JVM start per stage on a busy 2-core machine
        RunResult result = Pipeline.load(yaml, all).workDir(dir.resolve(engine)).engine(engine, null)
                .inProcess(engine.equals("local")).run();
        assertTrue(Files.exists(output), engine + " wrote no " + output + "; result " + result);
        return output;
    }
}
