package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.supervisor.JavaCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the supervisor: its children must go too, and `resume` must finish the run exactly. */
class SupervisorDeathTest extends PipelineTestSupport {
    private static final long ORPHAN_LIMIT_MS = 15_000;

    @TempDir
    Path dir;

    @Test
    void shouldLeaveNoOrphansAndResumeToTheExactResult() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 2, 8_000);
        Path output = dir.resolve("counts.tsv");
        Path gate = dir.resolve("gate");
        Path runs = dir.resolve("runs");
        Process supervisor = startSupervisorProcess(runs, "input=" + corpus + "/*", "output=" + output,
                "gate=" + gate);
        try {
            Path pipelineDir = runs.resolve("wordcount-chaos");
            LiveRun.await(() -> Files.isDirectory(pipelineDir) && list(pipelineDir).stream()
                    .anyMatch(r -> Files.exists(r.resolve("control.dat"))), supervisor.onExit());
            Path runDir = list(pipelineDir).get(0);
            List<Long> children;
            try (ControlFile control = ControlFile.open(runDir.resolve("control.dat"), false)) {
                LiveRun.await(() -> RunSnapshot.read(control.reader()).sum("count", SlotField.RECORDS_IN) > 1000,
                        supervisor.onExit());
                children = RunSnapshot.read(control.reader()).slots().stream()
                        .map(s -> s.get(SlotField.PID)).toList();
            }

            supervisor.destroyForcibly().waitFor();
            long killedAt = System.currentTimeMillis();
            LiveRun.await(() -> children.stream().noneMatch(LiveRun::isAlive), new CompletableFuture<>());
            long orphanMillis = System.currentTimeMillis() - killedAt;
            // each child polls its supervisor every 250 ms, but a loaded machine can leave a JVM unscheduled for
            // seconds; children that never noticed would wait at the gate until the await's deadline
            assertTrue(orphanMillis < ORPHAN_LIMIT_MS, "children outlived the supervisor by " + orphanMillis + " ms");

            Cli gone = Cli.run("status", runDir.toString());
            assertTrue(gone.out().contains("pipeline wordcount-chaos: supervisor gone (pid " + supervisor.pid()),
                    gone.toString());
            assertTrue(gone.out().lines().filter(l -> l.matches("(read|tokenize|count)-\\d .*"))
                    .allMatch(l -> l.contains(" gone ") || l.contains(" done ")), gone.toString());

            Files.createFile(gate);
            Pipeline.resume(runDir, null);

            assertEquals(Corpus.expectedTsv(corpus), Files.readString(output));
            Cli finished = Cli.run("status", runDir.toString());
            assertTrue(finished.out().contains("pipeline wordcount-chaos: completed: finished in "), finished.toString());
        } finally {
            supervisor.destroyForcibly();
        }
    }

    private static Process startSupervisorProcess(Path workDir, String... params) throws Exception {
        List<String> command = new ArrayList<>(JavaCommand.sameClassPath("dev.sluice.cli.SluiceCli", "run",
                testPipeline("wordcount-chaos.yaml").toString(), "-q", "--work-dir", workDir.toString()));
        for (String param : params) {
            command.addAll(List.of("--set", param));
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolveSibling("supervisor.out").toFile()).start();
    }

    private static List<Path> list(Path dir) {
        try (var files = Files.list(dir)) {
            return files.toList();
        } catch (Exception e) {
            return List.of();
        }
    }
}
