package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.examples.testing.DieHoldingWriteLock;
import dev.sluice.supervisor.JavaCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resume after kill -9 of a whole run, one of its writers killed mid-append: the result is exact, and
 * Chronicle's recovery warnings stay out of the terminal.
 */
class QuietResumeTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void shouldResumeAfterAWriterDiedMidAppendWithNothingFromChronicleOnTheTerminal() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 2, 4_000);
        Path output = dir.resolve("counts.tsv");
        Path gate = dir.resolve("gate");
        Path runs = dir.resolve("runs");
        Process supervisor = java("dev.sluice.cli.SluiceCli", "run", testPipeline("wordcount-chaos.yaml").toString(),
                "-q", "--work-dir", runs.toString(), "--set", "input=" + corpus + "/*", "--set", "output=" + output,
                "--set", "gate=" + gate);
        Path runDir;
        try {
            Path pipelineDir = runs.resolve("wordcount-chaos");
            LiveRun.await(() -> runIn(pipelineDir) != null, supervisor.onExit());
            runDir = runIn(pipelineDir);
            try (ControlFile control = ControlFile.open(runDir.resolve("control.dat"), false)) {
                LiveRun.await(() -> RunSnapshot.read(control.reader()).sum("count", SlotField.RECORDS_IN) > 0,
                        supervisor.onExit());
                supervisor.destroyForcibly().waitFor(); // kill -9 of the whole run: supervisor and stages
                List<Long> stages = RunSnapshot.read(control.reader()).slots().stream()
                        .map(s -> s.get(SlotField.PID)).toList();
                stages.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                LiveRun.await(() -> stages.stream().noneMatch(LiveRun::isAlive), new CompletableFuture<>());
            }
        } finally {
            supervisor.destroyForcibly();
        }
        assertEquals(9, java(DieHoldingWriteLock.class.getName(), runDir.resolve("queues/read-0").toString())
                .waitFor(), "the helper died mid-append");
        Files.createFile(gate);

        Process resume = java("dev.sluice.cli.SluiceCli", "resume", "-q", runDir.toString());
        String terminal = new String(resume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(resume.waitFor(240, TimeUnit.SECONDS));

        assertEquals(0, resume.exitValue(), terminal);
        assertEquals(Corpus.expectedTsv(corpus), Files.readString(output));
        assertFalse(terminal.contains("WARN") || terminal.contains("unlock"), "on the terminal:\n" + terminal);
        assertTrue(terminal.startsWith("pipeline wordcount-chaos done"), terminal);
    }

    private static Path runIn(Path pipelineDir) {
        try (var runs = Files.list(pipelineDir)) {
            return runs.filter(r -> Files.exists(r.resolve("control.dat"))).findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static Process java(String main, String... args) throws Exception {
        return new ProcessBuilder(JavaCommand.sameClassPath(main, args)).redirectErrorStream(true).start();
    }
}
