package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.Pipeline;
import dev.sluice.outcome.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrimesPipelineTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "workers={0}")
    @ValueSource(ints = {1, 2})
    void shouldCount9592PrimesUpTo100000(int workers) throws Exception {
        Path output = dir.resolve("primes.txt");

        RunResult result = Pipeline.load(config("primes.yaml"), Map.of("from", "2", "to", "100000",
                "workers", Integer.toString(workers), "output", output.toString())).workDir(dir).run();

        assertEquals("9592", Files.readString(output).trim());
        assertEquals("9592", result.value().trim());
        assertEquals(10, result.stage("numbers").recordsOut()); // tasks of 10000 numbers
    }
}
