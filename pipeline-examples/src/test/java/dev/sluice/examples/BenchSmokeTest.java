package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `scripts/bench smoke`: the benchmark pipelines run and give right answers (seconds, no figures). */
class BenchSmokeTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldRunTheBenchmarkPipelinesInSmokeMode() throws Exception {
        ProcessBuilder bench = new ProcessBuilder("bash", Path.of("..", "scripts", "bench").toString(), "smoke")
                .redirectErrorStream(true);
        bench.environment().put("SLUICE_CLASSPATH", System.getProperty("java.class.path"));
        bench.environment().put("TMPDIR", dir.toString());
        Process process = bench.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("smoke: wordcount, primes (9592"), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
