package dev.sluice.runtime;

import dev.sluice.rundir.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The scratch queue a standby process writes while it warms up, {@code .standby-<pid>/} in the run directory (a few
 * MB). The process deletes it once warm; the supervisor deletes it when the process exits, which covers one killed
 * during its warm-up.
 */
public final class StandbyScratch {
    private StandbyScratch() {
    }

    static Path of(RunLayout layout, long pid) {
        return layout.dir().resolve(".standby-" + pid);
    }

    /** Deletes the scratch queue of process {@code pid}, if it has one; what cannot be deleted stays. */
    public static void delete(RunLayout layout, long pid) {
        Path dir = of(layout, pid);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            try (Stream<Path> files = Files.list(dir)) { // a queue directory: files only
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a few MB left in the run directory, which goes with it
        }
    }
}
