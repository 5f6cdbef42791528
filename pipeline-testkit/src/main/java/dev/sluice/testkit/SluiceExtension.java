package dev.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension for pipeline tests: each test gets a fresh work directory (deleted after it), pipelines that
 * run there, and a check after it that no stage process outlived it.
 * <pre>{@code
 * @RegisterExtension
 * final SluiceExtension sluice = new SluiceExtension();
 *
 * @Test
 * void counts() {
 *     TestRun run = sluice.pipeline(Path.of("pipeline.yaml")).processes().run();
 * }
 * }</pre>
 */
public final class SluiceExtension implements BeforeEachCallback, AfterEachCallback {
    private Path workDir;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        workDir = Files.createTempDirectory("sluice-test-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        List<String> described = left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        left.forEach(ProcessHandle::destroyForcibly); // so that they neither outlive the test run nor hold its files
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(SluiceExtension::delete);
        }
        if (!left.isEmpty()) {
            throw new AssertionError("processes left behind (now killed): " + described);
        }
    }

    /** This test's work directory: runs go to {@code <it>/<pipeline>/<run-id>}. */
    public Path workDir() {
        return workDir;
    }

    /** A pipeline YAML file, to run in this test's work directory. */
    public TestPipeline pipeline(Path file) {
        return TestPipeline.fromFile(file).workDir(workDir());
    }

    /** A pipeline given as YAML text, to run in this test's work directory. */
    public TestPipeline yaml(String text) {
        return TestPipeline.fromYaml(text).workDir(workDir());
    }

    /** A pipeline made in code ({@link TestPipeline#named}), to run in this test's work directory. */
    public TestPipeline named(String name) {
        return TestPipeline.named(name).workDir(workDir());
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
