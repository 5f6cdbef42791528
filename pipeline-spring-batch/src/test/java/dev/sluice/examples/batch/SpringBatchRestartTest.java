package dev.sluice.examples.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.Pipeline;
import dev.sluice.counters.RunCounters;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.outcome.RunResult;
import dev.sluice.supervisor.JavaCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A Spring Batch job runs a pipeline's aggregate, is killed -9, is run again: it restarts from its ExecutionContext, exactly. */
@Tag("process")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SpringBatchRestartTest {
    private static final long DEADLINE_MS = 120_000;
    /** embedded-sum.yaml's gate-at: where the source holds until the gate file exists. */
    private static final long GATE_AT = 300_000;

    @TempDir
    Path dir;

    @AfterEach
    void leavesNoProcessBehind() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList(), "processes left behind");
    }

    @Test
    void shouldRestartTheStepFromItsExecutionContextAfterAKillAndGiveTheExactResult() throws Exception {
        Path gate = dir.resolve("gate"); // the source holds at half way until the first job is killed
        Pipeline pipeline = Pipeline.load(Path.of("src/test/resources/embedded-sum.yaml"),
                Map.of("gate", gate.toString())).workDir(dir);
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return pipeline.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        try {
            Path runDir = awaitRunDirectory(dir.resolve("embedded-sum"));
            Path db = dir.resolve("batch-db");
            // the first job starts once the source is held: its first slice takes in all there is at once, and must
            // still save its position while the input has paused
            awaitSourceHeld(runDir);

            Process first = batchJob(runDir, db);
            try (BufferedReader out = reader(first)) {
                awaitLine(first, out, "position saved");
                awaitLine(first, out, "position saved");
            }
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.createFile(gate);

            Process second = batchJob(runDir, db);
            String output;
            CompletableFuture<Void> killer = killAtDeadline(second);
            try (BufferedReader out = reader(second)) {
                output = String.join("\n", out.lines().toList());
            } finally {
                killer.cancel(false);
            }
            assertTrue(second.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS), output);
            assertEquals(0, second.exitValue(), output);
            assertTrue(output.contains("marked the execution of a killed job FAILED"), output);
            assertTrue(output.contains("restored the stage's position from the step's ExecutionContext"), output);
            String expected = Long.toString(600_000L * 600_001 / 2);
            assertTrue(output.contains("result " + expected), output);
            assertEquals(expected, run.get(DEADLINE_MS, TimeUnit.MILLISECONDS).value());
            // this module's SLF4J backend is slf4j-simple, not Logback: the supervisor and its stage processes log
            assertTrue(logsContain(runDir, "supervisor-", "run " + runDir + " completed"), "supervisor log");
            assertTrue(logsContain(runDir, "numbers-0-", "starting numbers-0 of pipeline embedded-sum"), "stage log");
        } finally {
            pipeline.stop();
            try {
                run.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
            } catch (Exception stoppedOrDone) {
                // asserted above
            }
        }
    }

    private static Process batchJob(Path runDir, Path db) throws Exception {
        return new ProcessBuilder(JavaCommand.sameClassPath(SluiceBatchJob.class.getName(),
                runDir.toString(), "total", db.toString(), "300")).redirectErrorStream(true).start();
    }

    private static boolean logsContain(Path runDir, String prefix, String text) throws Exception {
        try (var logs = Files.list(runDir.resolve("logs"))) {
            for (Path log : logs.filter(l -> l.getFileName().toString().startsWith(prefix)).toList()) {
                if (Files.readString(log).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void awaitLine(Process job, BufferedReader out, String text) throws Exception {
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Void> killer = killAtDeadline(job);
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains(text)) {
                    return;
                }
                seen.append(line).append('\n');
            }
        } finally {
            killer.cancel(false);
        }
        fail("the job ended (or was killed at the deadline) before printing '" + text + "'; it printed:\n" + seen);
    }

    /** Kills {@code job} at the deadline unless cancelled: a blocked read of its output cannot be interrupted. */
    private static CompletableFuture<Void> killAtDeadline(Process job) {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(DEADLINE_MS, TimeUnit.MILLISECONDS)).thenRun(job::destroyForcibly);
    }

    /** Waits until the source has emitted every record before its gate. */
    private static void awaitSourceHeld(Path runDir) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        try (RunCounters counters = RunCounters.open(runDir.resolve("control.dat"))) {
            while (RunSnapshot.read(counters.reader()).sum("numbers", SlotField.RECORDS_OUT) < GATE_AT) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the source did not reach its gate");
                }
                Thread.sleep(10); // polling interval of a deadline wait
            }
        }
    }

    private static Path awaitRunDirectory(Path pipelineDir) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(pipelineDir)) {
                try (var runs = Files.list(pipelineDir)) {
                    var found = runs.filter(r -> Files.exists(r.resolve("control.dat"))).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(10); // polling interval of a deadline wait
        }
        throw new AssertionError("no run directory");
    }
}
