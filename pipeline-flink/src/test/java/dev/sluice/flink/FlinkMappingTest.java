package dev.sluice.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.api.ConfigException;
import dev.sluice.cli.SluiceCli;
import dev.sluice.config.ConfigLoader;
import dev.sluice.config.LoadOptions;
import dev.sluice.engine.Engines;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mapping of each stage shape onto Flink, what is refused, and how failures come out. */
@Tag("process")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FlinkMappingTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestClusters.miniCluster();

    @TempDir
    Path dir;

    @Test
    void shouldRestoreEveryStageFromACheckpointAfterACrashMidJobAndStillBeExact() throws Exception {
        long to = 5000;
        Path marks = Files.createDirectories(dir.resolve("marks"));
        Path checkpoints = dir.resolve("checkpoints");
        Pipeline pipeline = Pipeline.load(FlinkTestClusters.PIPELINES.resolve("recovery.yaml"), Map.of(
                "to", Long.toString(to), "gate-at", "3001", "marks", marks.toString(),
                "checkpoints", checkpoints.toString())).workDir(dir).engine("flink-local", null);
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return pipeline.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        awaitCompletedCheckpoint(checkpoints, run);
        Files.createFile(marks.resolve("trigger")); // a worker crashes on its next record
        RunResult result = run.get(90, TimeUnit.SECONDS);

        assertTrue(Files.exists(marks.resolve("crashed")), "no worker crashed");
        List<Long> seeks = Files.readAllLines(marks.resolve("seeks")).stream().map(Long::parseLong).toList();
        assertEquals(1, seeks.size(), "the source was restored once");
        assertTrue(seeks.get(0) > 1, "restored from a checkpoint, not from the start: " + seeks);
        assertEquals(LongStream.rangeClosed(1, to).mapToObj(Long::toString).toList(),
                Files.readAllLines(marks.resolve("ordered.txt")));
        assertEquals(Long.toString(to * (to + 1) / 2), Files.readString(marks.resolve("total.txt")).trim());
        assertEquals(to, result.stage("identity").recordsIn(), "counts survive the restore");
        assertEquals(to, result.stage("ordered").recordsIn());
    }

    @Test
    void shouldFailTheJobAtOnceNamingTheStageAndRecordWhenARecordThrowsUnderOnErrorFail() {
        RunFailedException failure = assertThrows(RunFailedException.class, () -> Pipeline.load(
                FlinkTestClusters.PIPELINES.resolve("throwing.yaml"), Map.of("on-error", "fail",
                        "output", dir.resolve("total.txt").toString())).workDir(dir).engine("flink-local", null).run());

        assertTrue(failure.getMessage().contains("stage 'picky'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("refusing record 777"), failure.getMessage());
    }

    @Test
    void shouldLeaveOutARecordThatThrowsUnderOnErrorSkip() throws Exception {
        Path output = dir.resolve("total.txt");
        Pipeline.load(FlinkTestClusters.PIPELINES.resolve("throwing.yaml"), Map.of("on-error", "skip",
                "output", output.toString())).workDir(dir).engine("flink-local", null).run();

        assertEquals(Long.toString(500_500 - 777), Files.readString(output).trim());
    }

    @Test
    void shouldRefuseWhatIsOneMachinesAtValidationEachAtItsLine() {
        Path yaml = FlinkTestClusters.PIPELINES.resolve("one-machine.yaml");
        ConfigException refused = assertThrows(ConfigException.class,
                () -> Engines.find("flink").validate(ConfigLoader.load(yaml, LoadOptions.of(Map.of()))));

        String[] lines = refused.getMessage().split("\n");
        assertEquals(4, lines.length, refused.getMessage());
        assertTrue(lines[0].startsWith(yaml + ":4:5: shared: counter 'hits'"), lines[0]);
        assertTrue(lines[1].startsWith(yaml + ":9:5: stage 'picky': on-error: dead-letter"), lines[1]);
        assertTrue(lines[2].startsWith(yaml + ":14:5: stage 'total': embedded: true"), lines[2]);
        assertTrue(lines[3].startsWith(yaml + ":18:5: stage 'count': partitions: 2"), lines[3]);
    }

    @Test
    void shouldRunFromTheCommandLineAndExitTwoForWhatCannotRun() throws IOException {
        Path output = dir.resolve("primes.txt");
        String primes = FlinkTestClusters.CONFIG.resolve("primes.yaml").toString();

        assertEquals(SluiceCli.OK, SluiceCli.execute("run", primes, "--engine", "flink-local", "-q", "--work-dir",
                dir.toString(), "--set", "to=1000", "--set", "output=" + output));
        assertEquals("168", Files.readString(output).trim());
        assertEquals(SluiceCli.BAD_USAGE, SluiceCli.execute("run", primes, "--engine", "flink", "--work-dir", dir.toString()));
        assertEquals(SluiceCli.BAD_USAGE, SluiceCli.execute("run", primes, "--engine", "spark", "--work-dir", dir.toString()));
        assertEquals(SluiceCli.BAD_USAGE, SluiceCli.execute("run", primes, "--flink", "localhost:8081", "--work-dir", dir.toString()));
        assertEquals(SluiceCli.BAD_USAGE, SluiceCli.execute("validate",
                FlinkTestClusters.PIPELINES.resolve("one-machine.yaml").toString(), "--engine", "flink"));
        assertEquals(SluiceCli.OK, SluiceCli.execute("validate", primes, "--engine", "flink"));
    }

    /** Waits until Flink has completed a checkpoint of the job (its _metadata file exists). */
    private static void awaitCompletedCheckpoint(Path checkpoints, CompletableFuture<?> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                run.get(); // surfaces its failure
                throw new AssertionError("the run ended before any checkpoint");
            }
            if (Files.exists(checkpoints)) {
                try (Stream<Path> files = Files.walk(checkpoints)) {
                    if (files.anyMatch(f -> f.getFileName().toString().equals("_metadata"))) {
                        return;
                    }
                }
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(20); // polling a condition with a deadline
        }
        throw new AssertionError("no checkpoint completed within 60 s");
    }
}
