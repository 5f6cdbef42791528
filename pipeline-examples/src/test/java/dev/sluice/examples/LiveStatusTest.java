package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.Pipeline;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.supervisor.JvmOptions;
import dev.sluice.supervisor.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveStatusTest extends PipelineTestSupport {
    private static final long DEADLINE_MS = 60_000;

    @TempDir
    Path dir;

    @Test
    void shouldShowALiveRunFromAnotherProcess() throws Exception {
        Path gate = dir.resolve("gate");
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return Pipeline.load(testPipeline("gated.yaml"), Map.of("gate", gate.toString()))
                        .workDir(dir.resolve("runs")).run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        try {
            Path runDir = awaitRunDirectory(dir.resolve("runs").resolve("gated"), run);
            try (ControlFile control = ControlFile.open(runDir.resolve("control.dat"), false)) {
                await(() -> RunSnapshot.read(control.reader()).sum("count", SlotField.RECORDS_IN) == 1000, run);
            }

            String status = statusFromAnotherProcess(runDir);

            assertTrue(status.contains("pipeline gated"), status);
            for (String slot : List.of("read-0", "pass-0", "pass-1", "count-0")) {
                assertTrue(status.lines().anyMatch(l -> l.startsWith(slot) && l.contains("running")), status);
            }
        } finally {
            Files.createFile(gate);
        }
        assertEquals("1000", run.get(DEADLINE_MS, TimeUnit.MILLISECONDS).value());
    }

    private static String statusFromAnotherProcess(Path runDir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmOptions.required());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.sluice.cli.SluiceCli",
                "status", runDir.toString(), "--interval", "100"));
        Process status = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(status.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS), "status did not finish");
            assertEquals(0, status.exitValue(), output);
            return output;
        } finally {
            status.destroyForcibly();
        }
    }

    private static Path awaitRunDirectory(Path pipelineDir, CompletableFuture<?> run) throws Exception {
        await(() -> {
            try (var runs = Files.list(pipelineDir)) {
                return runs.anyMatch(r -> Files.exists(r.resolve("control.dat")));
            } catch (Exception e) {
                return false;
            }
        }, run);
        try (var runs = Files.list(pipelineDir)) {
            return runs.findFirst().orElseThrow();
        }
    }

    /** Waits for a condition with a deadline, giving up early if the run itself has ended. */
    private static void await(BooleanSupplier condition, CompletableFuture<?> run) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (run.isDone()) {
                run.get();
                fail("run ended before the condition held");
            }
            if (System.currentTimeMillis() > deadline) {
                fail("condition not met within " + DEADLINE_MS + " ms");
            }
            Thread.onSpinWait();
            Thread.sleep(20); // polling interval of a deadline wait, not a stand-in for synchronisation
        }
    }
}
