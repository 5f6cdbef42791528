package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.outcome.RunFailedException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inputs no restart can mend fail at once, with one clear message, instead of restarting the source. */
@Timeout(120) // stage JVMs: each takes 5-10 s to start on a machine at load 40
class BadInputTest extends PipelineTestSupport {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseAMissingInputAtValidationBeforeCreatingARunDirectory() {
        Path missing = dir.resolve("missing.txt");
        String wordcount = config("wordcount.yaml").toString();

        Cli validate = Cli.run("validate", wordcount, "--set", "input=" + missing);
        Cli run = Cli.run("run", wordcount, "--set", "input=" + missing, "--work-dir", dir.resolve("runs").toString());

        String expected = "wordcount.yaml:" + lineOf(config("wordcount.yaml"), "path:") + ":13: stage 'read' option 'path': input file "
                + missing + " does not exist";
        assertEquals(2, validate.exitCode(), validate.toString());
        assertTrue(validate.err().contains(expected), validate.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(expected), run.toString());
        assertFalse(Files.exists(dir.resolve("runs")), "a run directory was created");
    }

    @Test
    void shouldFailAtOnceOnCorruptGzipNamingTheFileAndTheByte() throws Exception {
        Path gz = corruptGzip();

        String message = failedRun("wordcount-lines.yaml", gz, "read");

        assertTrue(message.contains("stage 'read' worker 0"), message);
        assertTrue(message.contains("corrupt gzip data in " + gz + " at compressed byte "), message);
    }

    @Test
    void shouldFailAtOnceWhenAWorkerReadsACorruptGzipChunk() throws Exception {
        Path gz = corruptGzip();

        String message = failedRun("wordcount.yaml", gz, "tokenize");

        assertTrue(message.contains("stage 'tokenize' worker 0"), message);
        assertTrue(message.contains("corrupt or truncated gzip file " + gz), message);
        assertFalse(message.contains("on-error"), message); // no record's fault: no policy sets it aside
    }

    private Path corruptGzip() throws Exception {
        Path gz = dir.resolve("corpus.txt.gz");
        byte[] bytes = gzippedText(40_000);
        bytes[bytes.length * 3 / 4] ^= 0x55;
        Files.write(gz, bytes);
        return gz;
    }

    /** Runs the pipeline on {@code input}, which must fail; the stage that read it must not have been restarted. */
    private String failedRun(String pipeline, Path input, String readingStage) throws Exception {
        RunFailedException failure = assertThrows(RunFailedException.class,
                () -> Pipeline.load(config(pipeline), Map.of("input", input.toString(), "workers", "1"))
                        .workDir(dir.resolve("runs")).run());
        Path runDir;
        try (var runs = Files.list(dir.resolve("runs").resolve(pipeline.replace(".yaml", "")))) {
            runDir = runs.findFirst().orElseThrow();
        }
        try (ControlFile control = ControlFile.open(runDir.resolve("control.dat"), false)) {
            assertEquals(0, RunSnapshot.read(control.reader()).sum(readingStage, SlotField.RESTARTS),
                    "stage '" + readingStage + "' was restarted");
        }
        return failure.getMessage();
    }

    private static byte[] gzippedText(int lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < lines; i++) {
                out.write(("w" + (i * 7919 % 5003) + " w" + (i % 97) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
