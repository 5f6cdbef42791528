package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** A benchmark's queues live in a temporary directory, deleted at the end of the trial. */
final class TempDirectory {
    private TempDirectory() {
    }

    static Path create() throws IOException {
        return Files.createTempDirectory("sluice-jmh");
    }

    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
