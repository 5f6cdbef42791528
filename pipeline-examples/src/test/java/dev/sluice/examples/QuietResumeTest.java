package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.SlotField;
import dev.sluice.examples.testing.DieHoldingWriteLock;
import dev.sluice.supervisor.JvmOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A resume after a writer was killed mid-append: Chronicle's recovery warnings stay out of the terminal. */
class QuietResumeTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void shouldResumeAfterAWriterDiedMidAppendWithNothingFromChronicleOnTheTerminal() throws Exception {
        Path corpus = Corpus.write(dir.resolve("corpus"), 2, 4_000);
        Path output = dir.resolve("counts.tsv");
        Path gate = dir.resolve("gate");
        Pipeline pipeline = Pipeline.load(testPipeline("wordcount-chaos.yaml"), Map.of("input", corpus + "/*",
                "output", output.toString(), "gate", gate.toString())).workDir(dir.resolve("runs"));
        Path runDir;
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs/wordcount-chaos"))) {
            run.awaitSlot("count-0", s -> s.get(SlotField.RECORDS_IN) > 0);
            runDir = run.runDirectory();
        }
        assertEquals(137, java(DieHoldingWriteLock.class.getName(), runDir.resolve("queues/read-0").toString())
                .waitFor(), "the helper dies with kill -9's code");
        Files.createFile(gate);

        Process resume = java("dev.sluice.cli.SluiceCli", "resume", "-q", runDir.toString());
        String terminal = new String(resume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(resume.waitFor(240, TimeUnit.SECONDS));

        assertEquals(0, resume.exitValue(), terminal);
        assertEquals(Corpus.expectedTsv(corpus), Files.readString(output));
        assertFalse(terminal.contains("WARN") || terminal.contains("unlock"), "on the terminal:\n" + terminal);
        assertTrue(terminal.startsWith("pipeline wordcount-chaos done"), terminal);
    }

    private static Process java(String main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmOptions.required());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
