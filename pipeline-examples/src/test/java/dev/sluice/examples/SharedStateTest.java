package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.Pipeline;
import dev.sluice.api.SharedLong;
import dev.sluice.config.ConfigLoader;
import dev.sluice.counters.SlotField;
import dev.sluice.rundir.RunLayout;
import dev.sluice.rundir.RunProperties;
import dev.sluice.shared.SharedStateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shared counters, arrays and semaphores across stage processes: Python's Value, Array and Semaphore examples. */
class SharedStateTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"shared-counter.yaml|2000", "shared-array.yaml|[1, 1, 1]", "semaphore.yaml|2",
        "shared-map.yaml|{k0=0, k1=1, k2=4, k3=9, k4=16}"})
    void shouldGiveTheSeedExamplesResults(String pipeline, String expected) throws Exception {
        Path output = dir.resolve("out.txt");

        Pipeline.load(config(pipeline), Map.of("output", output.toString())).workDir(dir).run();

        assertEquals(expected + "\n", Files.readString(output));
    }

    @Test
    void shouldGiveTheLockOfAHolderKilledMinus9ToTheNextAcquirer() throws Exception {
        Path gate = dir.resolve("gate");
        Pipeline pipeline = Pipeline.load(testPipeline("lock-holder.yaml"), Map.of("gate", gate.toString()))
                .workDir(dir.resolve("runs"));
        try (LiveRun run = LiveRun.start(pipeline, dir.resolve("runs/lock-holder"))) {
            RunLayout layout = new RunLayout(run.runDirectory());
            // the run's files are made while its first JVMs start: a running slot means they are all there
            run.awaitSlot("holder-0", s -> s.state().label().equals("running"));
            SharedLong acquired = SharedStateFile.open(layout.sharedState(),
                    ConfigLoader.load(layout.pipelineYaml(), RunProperties.read(layout))).counter("acquired");
            LiveRun.await(() -> acquired.get() == 1, run.future());
            long holder = run.slot("holder-0").get(SlotField.PID);

            ProcessHandle.of(holder).ifPresent(ProcessHandle::destroyForcibly);

            // the restarted worker can only get this far if the dead holder's permit came back
            LiveRun.await(() -> acquired.get() == 2, run.future());
            Files.createFile(gate);
            assertEquals("1", run.result().value());
        }
    }
}
