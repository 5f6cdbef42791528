package dev.sluice.testkit;

import dev.sluice.Pipeline;
import dev.sluice.supervisor.RunFailedException;
import dev.sluice.supervisor.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a pipeline from a test, on a work directory of the test's own (JUnit's {@code @TempDir}), and hands back
 * its result, counts and run directory:
 * <pre>{@code
 * TestRun run = TestPipeline.fromFile(Path.of("pipeline.yaml")).set("to", "100").workDir(tempDir).run();
 * assertEquals("10100", run.value("total"));
 * }</pre>
 * In-process by default (every stage a thread of the test's JVM: fast, debuggable); {@link #processes()} runs every
 * stage worker as its own JVM, as {@code sluice run} does. A run that fails throws {@link PipelineFailedError}, whose
 * message has the failed process's log tail and the run's distinct errors. Stage classes are found on the test's
 * class path (stage processes get it too).
 */
public final class TestPipeline {
    private final Path file;
    private final String yaml;
    private final CodePipeline code;
    private final Map<String, String> params = new LinkedHashMap<>();
    private Path workDir;
    private boolean processes;

    private TestPipeline(Path file, String yaml, CodePipeline code) {
        this.file = file;
        this.yaml = yaml;
        this.code = code;
    }

    /** A pipeline YAML file ({@code ${config-dir}} is its directory). */
    public static TestPipeline fromFile(Path file) {
        return new TestPipeline(file, null, null);
    }

    /** A pipeline written out here, as the text of a YAML file. */
    public static TestPipeline fromYaml(String text) {
        return new TestPipeline(null, text, null);
    }

    /**
     * A pipeline made in code, stage after stage, each reading the one before:
     * <pre>{@code
     * TestPipeline.named("doubled")
     *     .source("numbers", "range", Map.of("to", 100))
     *     .then("twice", Twice.class).workers(2)
     *     .then("total", "sum", Map.of())
     * }</pre>
     */
    public static TestPipeline named(String name) {
        return new TestPipeline(null, null, new CodePipeline(name));
    }

    /** The first stage of a pipeline made in code: a built-in source {@code type} ({@code range}, {@code lines}...). */
    public TestPipeline source(String name, String type, Map<String, ?> options) {
        codePipeline().add(name, "type", type, options, false);
        return this;
    }

    /** The first stage of a pipeline made in code: a source class of your own. */
    public TestPipeline source(String name, Class<?> stageClass, Map<String, ?> options) {
        codePipeline().add(name, "class", stageClass.getName(), options, false);
        return this;
    }

    /** The next stage, reading the one before: a built-in {@code type} ({@code sum}, {@code collect}...). */
    public TestPipeline then(String name, String type, Map<String, ?> options) {
        codePipeline().add(name, "type", type, options, true);
        return this;
    }

    /** The next stage, reading the one before: a class of your own (a Processor or an Aggregate). */
    public TestPipeline then(String name, Class<?> stageClass, Map<String, ?> options) {
        codePipeline().add(name, "class", stageClass.getName(), options, true);
        return this;
    }

    public TestPipeline then(String name, Class<?> stageClass) {
        return then(name, stageClass, Map.of());
    }

    /** How many worker processes (or threads, in-process) the last stage added has. */
    public TestPipeline workers(int workers) {
        codePipeline().workers(workers);
        return this;
    }

    /** A parameter, as {@code --set name=value}. */
    public TestPipeline set(String name, String value) {
        params.put(name, value);
        return this;
    }

    /** Where runs go: the test's own temporary directory (required). */
    public TestPipeline workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** Every stage worker as a thread of this JVM (the default). */
    public TestPipeline inProcess() {
        this.processes = false;
        return this;
    }

    /** Every stage worker as its own JVM, supervised as {@code sluice run} does. */
    public TestPipeline processes() {
        this.processes = true;
        return this;
    }

    /** Runs the pipeline to its end; throws {@link PipelineFailedError} if it fails. */
    public TestRun run() {
        if (workDir == null) {
            throw new IllegalStateException("TestPipeline needs workDir(dir) first: a @TempDir of the test");
        }
        TestJvm.check(processes);
        try {
            Path pipelineFile = pipelineFile();
            RunResult result = Pipeline.load(pipelineFile, params, List.of()).workDir(workDir).inProcess(!processes).run();
            return new TestRun(result);
        } catch (RunFailedException e) {
            throw PipelineFailedError.of(e, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the pipeline ran", e);
        }
    }

    private Path pipelineFile() throws IOException {
        if (file != null) {
            return file;
        }
        Files.createDirectories(workDir);
        String text = yaml != null ? yaml : code.yaml();
        return Files.writeString(Files.createTempFile(workDir, "pipeline-", ".yaml"), text);
    }

    private CodePipeline codePipeline() {
        if (code == null) {
            throw new IllegalStateException("stages are added to a pipeline made with TestPipeline.named(name)");
        }
        return code;
    }
}
