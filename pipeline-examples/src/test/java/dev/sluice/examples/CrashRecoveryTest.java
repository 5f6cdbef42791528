package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes die or hang mid-run; the result must still be exact, byte for byte. */
class CrashRecoveryTest extends PipelineTestSupport {
    @TempDir
    Path dir;
    private Path corpus;
    private Path output;
    private String expected;

    @BeforeEach
    void corpus() throws Exception {
        corpus = Corpus.write(dir.resolve("corpus"), 3, 12_000);
        output = dir.resolve("counts.tsv");
        expected = Corpus.expectedTsv(corpus);
    }

    private Pipeline chaosPipeline(Map<String, String> extra) {
        Map<String, String> params = new HashMap<>(Map.of("input", corpus + "/*", "output", output.toString()));
        params.putAll(extra);
        return Pipeline.load(testPipeline("wordcount-chaos.yaml"), params).workDir(dir.resolve("runs"));
    }

    @Test
    void shouldGiveTheExactResultWhenSourceWorkersAndAggregateAreKilledRepeatedly() throws Exception {
        List<String> victims = List.of("read-0", "tokenize-0", "count-0", "tokenize-1", "read-0", "count-0",
                "tokenize-1", "tokenize-0");
        Path gate = dir.resolve("gate");
        try (LiveRun run = LiveRun.start(chaosPipeline(Map.of("gate", gate.toString())),
                dir.resolve("runs/wordcount-chaos"))) {
            long killed = 0;
            for (int i = 0; i < victims.size(); i++) {
                long sourceProgress = (i + 1) * 2500L; // spread the kills over the stream
                run.awaitSlot("read-0", s -> s.get(SlotField.RECORDS_OUT) >= Math.min(sourceProgress, 30_000));
                long previous = killed;
                killed = run.killWhen(victims.get(i), s -> s.get(SlotField.PID) != previous);
            }
            Files.createFile(gate); // only now may the source end
            RunResult result = run.result();

            assertEquals(expected, Files.readString(output));
            long restarts = victims.stream().distinct()
                    .mapToLong(v -> run.slot(v).get(SlotField.RESTARTS)).sum();
            assertEquals(victims.size(), restarts);
            assertTrue(result.value().contains(" in all"), result.value());
        }
    }

    /** hang-timeout applies to every slot: a healthy one starved of CPU on a loaded machine must not reach it. */
    @Test
    void shouldDumpKillAndRestartAStoppedWorker() throws Exception {
        Path gate = dir.resolve("gate");
        try (LiveRun run = LiveRun.start(chaosPipeline(Map.of("hang-timeout", "5s", "gate", gate.toString())),
                dir.resolve("runs/wordcount-chaos"))) {
            long pid = run.awaitSlot("tokenize-1", s -> s.get(SlotField.RECORDS_IN) > 100).get(SlotField.PID);
            new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();
            run.awaitSlot("tokenize-1", s -> s.get(SlotField.RESTARTS) == 1 && s.get(SlotField.PID) != pid);
            Files.createFile(gate);

            run.result();

            assertEquals(expected, Files.readString(output));
            assertEquals(1, run.slot("tokenize-1").get(SlotField.RESTARTS));
            Path log = run.runDirectory().resolve("logs/tokenize-1-" + pid + ".log");
            String text = Files.readString(log);
            assertTrue(text.contains("over hang-timeout 5000 ms"), text);
            assertTrue(text.contains("Full thread dump"), text);
        }
    }

    @Test
    void shouldFailTheRunWhenRestartsExceedTheIntensity() {
        RunFailedException failure = assertThrows(RunFailedException.class,
                () -> Pipeline.load(testPipeline("crashing.yaml")).workDir(dir).run());

        String message = failure.getMessage();
        assertTrue(message.contains("more than 2 restarts within 60.0 s"), message);
        assertTrue(message.contains("stage 'fragile' worker 0"), message);
        assertTrue(message.contains("exit code 7"), message);
    }
}
