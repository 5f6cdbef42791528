package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own stage class, compiled here into a directory that is on no class path, reaches validation,
 * every stage JVM, in-process runs and resume through {@code --class-path} or {@code class-path:}.
 */
@Timeout(120)
class UserClassPathTest extends PipelineTestSupport {
    private static final String STAGES = """
            stages:
              - {name: numbers, type: range, options: {from: 1, to: 100}}
              - {name: twice, class: com.acme.Twice, workers: 2, inputs: [numbers]}
              - {name: total, type: sum, inputs: [twice], options: {output: "${run-dir}/total.txt"}}
            """;

    @TempDir
    Path dir;
    private Path classes;

    @BeforeEach
    void compileAUserStage() throws Exception {
        Path source = dir.resolve("src/com/acme/Twice.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.acme;

                import dev.sluice.api.*;

                public final class Twice implements Processor<Long, Long> {
                    public Codec<Long> inputCodec() { return Codecs.LONG; }
                    public Codec<Long> outputCodec() { return Codecs.LONG; }
                    public void process(Long n, Emitter<Long> out) { out.emit(2 * n); }
                }
                """);
        classes = dir.resolve("user classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "17", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), source.toString()));
    }

    @Test
    void shouldFindAUserStageThroughTheClassPathOption() throws Exception {
        Path yaml = dir.resolve("user.yaml");
        Files.writeString(yaml, "pipeline: user\n" + STAGES);
        String work = dir.resolve("runs").toString();

        Cli without = Cli.run("validate", yaml.toString());
        assertEquals(2, without.exitCode(), without.toString());
        assertTrue(without.err().contains("class 'com.acme.Twice' not found on the class path"), without.toString());

        Cli validate = Cli.run("validate", yaml.toString(), "--class-path", classes.toString());
        assertEquals(0, validate.exitCode(), validate.toString());

        Cli run = Cli.run("run", yaml.toString(), "--class-path", classes.toString(), "--work-dir", work, "-q");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("total: 10100"), run.toString());

        Cli inProcess = Cli.run("run", yaml.toString(), "--class-path", classes.toString(), "--work-dir", work, "-q",
                "--in-process");
        assertEquals(0, inProcess.exitCode(), inProcess.toString());
        assertTrue(inProcess.out().contains("total: 10100"), inProcess.toString());

        String runDir = run.out().lines().filter(l -> l.contains("run directory ")).findFirst().orElseThrow()
                .replaceAll(".*run directory ", "");
        Cli resume = Cli.run("resume", runDir, "-q"); // the run's class path was recorded with it
        assertEquals(0, resume.exitCode(), resume.toString());
    }

    @Test
    void shouldFindAUserStageThroughTheClassPathKey() throws Exception {
        Path yaml = dir.resolve("user.yaml");
        Files.writeString(yaml, "pipeline: user\nclass-path: [\"" + classes + "\"]\n" + STAGES);

        Cli validate = Cli.run("validate", yaml.toString());
        Cli run = Cli.run("run", yaml.toString(), "--work-dir", dir.resolve("runs").toString(), "-q", "--in-process");

        assertEquals(0, validate.exitCode(), validate.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("total: 10100"), run.toString());
    }
}
