package dev.sluice.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.rundir.RunLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("process")
class StageCommandTest {
    @TempDir
    Path dir;

    /** The JVM a stage process would start, asked for the flags it ended up with instead of running the stage. */
    private Map<String, String> finalFlags(List<String> jvmOptions) throws Exception {
        List<String> stage = new StageCommand(ProgressReporterTest.CONFIG, new RunLayout(dir),
                new ClassDataArchive(dir, "none")).build(jvmOptions, false);
        List<String> command = new ArrayList<>(stage.subList(stage.indexOf(JavaCommand.java()), stage.indexOf("-cp")));
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, java.waitFor(), output);
        return output.lines().map(l -> l.trim().split("\\s+")).filter(f -> f.length >= 4 && f[2].equals("="))
                .collect(Collectors.toMap(f -> f[1], f -> f[3], (a, b) -> b));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStartStageJvmsWithTheSerialCollectorAndLaterC2UnlessTheirOptionsSayOtherwise() throws Exception {
        Map<String, String> defaults = finalFlags(List.of());
        assertEquals("true", defaults.get("UseSerialGC"));
        assertEquals("50000", defaults.get("Tier4InvocationThreshold"));
        assertEquals("400000", defaults.get("Tier4BackEdgeThreshold"));

        Map<String, String> chosen = finalFlags(List.of("-XX:+UseParallelGC", "-XX:Tier4InvocationThreshold=5000"));
        assertEquals("false", chosen.get("UseSerialGC"));
        assertEquals("true", chosen.get("UseParallelGC"));
        assertEquals("5000", chosen.get("Tier4InvocationThreshold"));
    }
}
