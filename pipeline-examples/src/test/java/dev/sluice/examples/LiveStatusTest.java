package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import dev.sluice.supervisor.JavaCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveStatusTest extends PipelineTestSupport {
    private static final List<String> SLOTS = List.of("read-0", "pass-0", "pass-1", "count-0");

    @TempDir
    Path dir;

    @Test
    void shouldShowALiveRunFromAnotherProcess() throws Exception {
        Path gate = dir.resolve("gate");
        Pipeline pipeline = Pipeline.load(testPipeline("gated.yaml"), Map.of("gate", gate.toString()))
                .workDir(dir.resolve("runs"));
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs").resolve("gated"))) {
            try {
                run.awaitSlot("count-0", s -> s.get(SlotField.RECORDS_IN) == 1000);
                // one worker may have passed all 1000 records while the other's JVM was still starting
                for (String slot : SLOTS) {
                    run.awaitSlot(slot, s -> s.state().label().equals("running"));
                }

                String status = statusFromAnotherProcess(run.runDirectory());

                assertTrue(status.contains("pipeline gated: running for "), status);
                for (String slot : SLOTS) {
                    assertTrue(status.lines().anyMatch(l -> l.startsWith(slot) && l.contains("running")), status);
                }
            } finally {
                Files.createFile(gate);
            }
            assertEquals("1000", run.result().value());
            Cli finished = Cli.run("status", run.runDirectory().toString());
            assertTrue(finished.out().contains("pipeline gated: completed: finished in "), finished.toString());
            assertTrue(finished.out().lines().filter(l -> l.matches("(read|pass|count)-\\d .*"))
                    .allMatch(l -> l.contains(" done ")), finished.toString());
        }
    }

    @Test
    void shouldShowAStoppedRunAsStopped() throws Exception {
        Pipeline pipeline = Pipeline.load(testPipeline("gated.yaml"), Map.of("gate", dir.resolve("gate").toString()))
                .workDir(dir.resolve("runs")).inProcess(true);
        Path runDirectory;
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs").resolve("gated"))) {
            run.awaitSlot("count-0", s -> s.get(SlotField.RECORDS_IN) == 1000);
            runDirectory = run.runDirectory();
        } // stops it

        Cli status = Cli.run("status", runDirectory.toString());

        assertTrue(status.out().contains("pipeline gated: stopped after "), status.toString());
        assertTrue(status.out().contains("`sluice resume " + runDirectory + "` continues it"), status.toString());
    }

    static String statusFromAnotherProcess(Path runDir) throws Exception {
        Process status = new ProcessBuilder(JavaCommand.sameClassPath("dev.sluice.cli.SluiceCli",
                "status", runDir.toString(), "--interval", "100")).redirectErrorStream(true).start();
        try {
            String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(status.waitFor(LiveRun.DEADLINE_MS, TimeUnit.MILLISECONDS), "status did not finish");
            assertEquals(0, status.exitValue(), output);
            return output;
        } finally {
            status.destroyForcibly();
        }
    }
}
