package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.outcome.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything a run writes is private to its user, whatever the umask of the JVM that runs it (the test's
 * JVM here, as a Java-API user's would be): directories 0700, files 0600.
 */
@Timeout(120)
class FileModesTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "in-process: {0}")
    @ValueSource(booleans = {false, true})
    void shouldKeepEveryFileOfARunPrivate(boolean inProcess) throws Exception {
        Path work = dir.resolve("runs");
        RunResult result = Pipeline.load(testPipeline("failing.yaml"),
                Map.of("on-error", "dead-letter", "snapshot-every", "1ms")).workDir(work).inProcess(inProcess).run();

        Path run = result.runDirectory();
        for (String written : List.of("control.dat", "pipeline.yaml", "run.properties", "results/total.txt",
                "state/total.snapshot", "state/shared.dat", "queues/numbers-0/metadata.cq4t", "dlq")) {
            assertTrue(Files.exists(run.resolve(written)), written + " was not written");
        }
        assertTrue(list(run.resolve("dlq")).stream().anyMatch(Files::isDirectory), "no dead-letter queue");
        if (!inProcess) {
            assertTrue(list(run.resolve("logs")).size() >= 4, "no logs");
        }
        List<String> notPrivate;
        try (Stream<Path> all = Files.walk(work)) {
            notPrivate = all.filter(p -> !isPrivate(p)).map(p -> mode(p) + " " + work.relativize(p)).sorted().toList();
        }
        assertEquals(List.of(), notPrivate);
    }

    private static boolean isPrivate(Path p) {
        return mode(p).equals(Files.isDirectory(p) ? "rwx------" : "rw-------");
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (Exception e) {
            return "gone";
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
