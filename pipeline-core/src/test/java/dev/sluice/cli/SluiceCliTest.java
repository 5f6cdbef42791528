package dev.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.counters.CounterSpec;
import dev.sluice.counters.RunCounters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SluiceCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void shouldExit2WithFileLineColumnForAnInvalidPipeline() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "pipeline: p\nstages:\n  - name: in\n    type: numbers\n    wokers: 2\n");

        assertEquals(2, SluiceCli.execute("validate", file.toString()));
        assertTrue(err.toString().startsWith(file + ":5:5: unknown key 'wokers'"), err.toString());

        assertEquals(2, SluiceCli.execute("run", file.toString(), "--work-dir", dir.toString()));
        assertTrue(err.toString().contains(file + ":5:5: unknown key 'wokers'"), err.toString());
    }

    @Test
    void shouldListTheStagesOfAValidPipeline() throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "pipeline: p\nstages:\n  - {name: in, type: numbers}\n  - {name: t, type: total, inputs: in}\n");

        assertEquals(0, SluiceCli.execute("validate", file.toString()));
        assertTrue(out.toString().contains("pipeline 'p' is valid"), out.toString());
    }

    @Test
    void shouldSayInOneLineWhyARunCannotBeShown() throws Exception {
        Path run = dir.resolve("p").resolve("20261126-000000-0000");
        Files.createDirectories(run);
        RunCounters.create(run.resolve("control.dat"), "p", List.of(new CounterSpec("in", 1, 0))).close();
        Files.writeString(run.resolve("run.properties"), "format.queues=1\nbase-dir=" + dir + "\n");
        Files.writeString(run.resolve("pipeline.yaml"), "pipeline: p\nstages:\n  - {name: in, class: com.example.Missing}\n");

        assertEquals(2, SluiceCli.execute("status", run.toString()));
        assertTrue(err.toString().startsWith("sluice status: "), err.toString());
        assertTrue(err.toString().contains("com.example.Missing"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString()); // no stack trace
    }

    @Test
    void shouldExit2OnBadUsageAndOfferHelp() {
        assertEquals(2, SluiceCli.execute("run"));
        assertEquals(0, SluiceCli.execute("status", "--help"));
        assertTrue(out.toString().contains("control.dat"), out.toString());
    }
}
