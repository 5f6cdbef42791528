package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start-method: standby}: a killed process's slot is taken over by the warmed-up spare, which is then
 * replaced; stage processes get their configuration from the supervisor, not from the run's YAML; a spare killed
 * while it warms up leaves no scratch queue behind.
 */
class StandbyTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldHandAKilledSlotToTheSpareReplaceItAndGiveTheExactResult() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 2, 8_000);
        Path output = dir.resolve("counts.tsv");
        Path gate = dir.resolve("gate");
        Pipeline pipeline = Pipeline.load(testPipeline("wordcount-chaos.yaml"), Map.of("input", corpus + "/*",
                "output", output.toString(), "gate", gate.toString(), "start-method", "standby"))
                .workDir(dir.resolve("runs"));
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs/wordcount-chaos"))) {
            // records flow through the stage (which worker takes them is the claims' luck: a worker whose JVM starts
            // late may find every document claimed, and the source then waits at the gate)
            LiveRun.await(() -> run.slot("tokenize-0").get(SlotField.RECORDS_IN)
                    + run.slot("tokenize-1").get(SlotField.RECORDS_IN) > 100, run.future());
            long firstSpare = awaitSpare(run, -1);
            // from here on no process could start from the run's YAML: they get the supervisor's configuration
            Files.writeString(run.runDirectory().resolve("pipeline.yaml"), "stages: [");

            run.killWhen("tokenize-0", s -> true);
            run.awaitSlot("tokenize-0", s -> s.get(SlotField.PID) == firstSpare
                    && s.state().label().equals("running"));
            long secondSpare = awaitSpare(run, firstSpare);
            run.killWhen("count-0", s -> true);
            run.awaitSlot("count-0", s -> s.get(SlotField.PID) == secondSpare);
            Files.createFile(gate);
            run.result();

            assertEquals(Corpus.expectedTsv(corpus), Files.readString(output));
            assertEquals(1, run.slot("tokenize-0").get(SlotField.RESTARTS));
            assertEquals(1, run.slot("count-0").get(SlotField.RESTARTS));
            assertEquals(List.of(), spares(run), "spares left behind"); // and leavesNoProcessBehind checks the rest
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldRemoveTheScratchQueueOfASpareKilledWhileItWarmsUp() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 1, 500);
        Path gate = dir.resolve("gate");
        Pipeline pipeline = Pipeline.load(testPipeline("wordcount-chaos.yaml"), Map.of("input", corpus + "/*",
                "output", dir.resolve("counts.tsv").toString(), "gate", gate.toString(), "start-method", "standby"))
                .workDir(dir.resolve("runs"));
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs/wordcount-chaos"))) {
            long spare = stopWhileWarmingUp(run);
            ProcessHandle.of(spare).ifPresent(ProcessHandle::destroyForcibly);
            Files.createFile(gate);
            run.result();

            assertEquals(List.of(), scratchQueues(run), "scratch queues left in the run directory");
        }
    }

    /**
     * SIGSTOP of a spare while it warms up, its scratch queue there; returns its pid. A spare seen too late (its
     * queue deleted between the look and the signal) goes on, and the next look tries again.
     */
    private static long stopWhileWarmingUp(LiveRun run) throws Exception {
        long[] stopped = {-1};
        LiveRun.await(() -> {
            for (String scratch : scratchQueues(run)) {
                long pid = Long.parseLong(scratch.substring(".standby-".length()));
                signal("STOP", pid);
                if (Files.isDirectory(run.runDirectory().resolve(scratch))) {
                    stopped[0] = pid;
                    return true;
                }
                signal("CONT", pid);
            }
            return false;
        }, run.future());
        return stopped[0];
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The names of the standby scratch queues in the run directory. */
    private static List<String> scratchQueues(LiveRun run) {
        try (Stream<Path> files = Files.list(run.runDirectory())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(".standby-"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a live standby process other than {@code previous}; returns its pid. */
    private static long awaitSpare(LiveRun run, long previous) throws Exception {
        LiveRun.await(() -> spares(run).stream().anyMatch(pid -> pid != previous), run.future());
        long spare = spares(run).stream().filter(pid -> pid != previous).findFirst().orElseThrow();
        assertNotEquals(previous, spare);
        return spare;
    }

    /** The live standby processes: a spare logs to logs/standby-PID.log until it takes a slot. */
    private static List<Long> spares(LiveRun run) {
        try (Stream<Path> logs = Files.list(run.runDirectory().resolve("logs"))) {
            return logs.map(log -> log.getFileName().toString())
                    .filter(name -> name.startsWith("standby-") && name.endsWith(".log"))
                    .map(name -> Long.parseLong(name.substring("standby-".length(), name.length() - 4)))
                    .filter(LiveRun::isAlive).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
