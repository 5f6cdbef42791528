package dev.sluice.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The test kit on a stage that passes and one that fails, in-process and as stage processes. */
@Timeout(120)
class TestPipelineTest {
    /** 1..100 doubled, summed: 2 * 5050. */
    private static final String DOUBLED_SUM = "10100";

    @TempDir
    Path work;

    private static TestPipeline doubled(Map<String, ?> options) {
        return TestPipeline.named("doubled")
                .source("numbers", "range", Map.of("from", 1, "to", 100))
                .then("twice", Twice.class, options).workers(2)
                .then("total", "sum", Map.of());
    }

    @Test
    void runsAPipelineMadeInCodeInProcess() {
        TestRun run = doubled(Map.of()).workDir(work).run();

        assertEquals(DOUBLED_SUM, run.value("total"));
        assertEquals(DOUBLED_SUM, run.value());
        assertEquals(100, run.recordsOut("numbers"));
        assertEquals(100, run.recordsIn("twice"));
        assertEquals(100, run.recordsIn("total"));
        assertTrue(run.runDirectory().startsWith(work), run.runDirectory().toString());
    }

    @Test
    @Tag("process") // starts stage JVMs
    void runsAPipelineFileAsStageProcesses() throws Exception {
        Path file = Files.writeString(work.resolve("doubled.yaml"), """
                pipeline: doubled
                stages:
                  - {name: numbers, type: range, options: {from: 1, to: "${to}"}}
                  - {name: twice, class: dev.sluice.testkit.Twice, workers: 2, inputs: [numbers]}
                  - {name: total, type: collect, inputs: [twice], options: {output: "${run-dir}/doubled.txt", codec: long}}
                """);

        TestRun run = TestPipeline.fromFile(file).set("to", "10").workDir(work).processes().run();

        assertEquals(10, run.recordsIn("total"));
        List<Long> doubled = run.lines("doubled.txt").stream().map(Long::parseLong).sorted().toList();
        assertEquals(List.of(2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L, 20L), doubled);
    }

    @Test
    void aFailingStageInProcessFailsTheTestNamingItsError() {
        PipelineFailedError failure = assertThrows(PipelineFailedError.class,
                () -> doubled(Map.of("fail-on", 7)).workDir(work).run());

        assertTrue(failure.getMessage().contains("stage 'twice'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("7 is not welcome here"), failure.getMessage());
        assertTrue(failure.runDirectory().startsWith(work), String.valueOf(failure.runDirectory()));
    }

    @Test
    @Tag("process") // starts stage JVMs
    void aFailingStageProcessFailsTheTestWithItsLogTailAndDistinctErrors() {
        PipelineFailedError failure = assertThrows(PipelineFailedError.class, () -> TestPipeline.fromYaml("""
                pipeline: failing
                supervision: {max-restarts: 0}
                stages:
                  - {name: numbers, type: range, options: {from: 1, to: 10}}
                  - {name: twice, class: dev.sluice.testkit.Twice, inputs: [numbers], options: {fail-on: 7}}
                  - {name: total, type: sum, inputs: [twice]}
                """).workDir(work).processes().run());

        String message = failure.getMessage();
        assertTrue(message.contains("stage 'twice'"), message);
        assertTrue(message.contains("last lines:"), message); // the failed process's log tail
        assertTrue(message.contains("distinct errors (1)"), message);
        assertTrue(message.contains("IllegalArgumentException: 7 is not welcome here"), message);
        assertTrue(message.contains("run directory: " + failure.runDirectory()), message);
    }

    @Test
    void saysWhatIsMissingBeforeRunning() {
        IllegalStateException noWorkDir = assertThrows(IllegalStateException.class, () -> doubled(Map.of()).run());
        assertTrue(noWorkDir.getMessage().contains("workDir"), noWorkDir.getMessage());
        assertThrows(IllegalStateException.class, () -> TestPipeline.named("p").then("x", Twice.class));
    }

    @AfterEach
    void leavesNoProcessBehind() {
        List<Long> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList();
        assertEquals(List.of(), left, "processes left behind");
    }
}
