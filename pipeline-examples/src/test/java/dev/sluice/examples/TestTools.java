package dev.sluice.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Programs some tests use besides the JDK (promtool, chromium): scripts/install-test-tools installs them. */
final class TestTools {
    private TestTools() {
    }

    /** The program on PATH, or the test is skipped with a message that says how to get it. */
    static Path require(String program) {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), program + " is not installed: scripts/install-test-tools installs it");
        return found.get();
    }
}
