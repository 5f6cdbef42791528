package dev.sluice.supervisor;

import dev.sluice.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * Application class-data sharing for stage JVMs: they all load the same classes (Chronicle, Agrona,
 * snakeyaml, the stages), so the supervisor keeps one dynamic CDS archive per class path and Java
 * version under the work directory. The first stage process of a run without one writes it at exit
 * ({@code -XX:ArchiveClassesAtExit}); later ones map it ({@code -XX:SharedArchiveFile}), which shortens
 * every start, restarts included. A stale or unusable archive is ignored by the JVM. CDS archives only
 * jars: with a directory on the class path (tests, an IDE) there is no archive.
 */
final class ClassDataArchive {
    private final Path archive;
    private final boolean possible;
    private Path writing;

    /** @param classPath the stage JVMs' class path */
    ClassDataArchive(Path workDir, String classPath) {
        String key = System.getProperty("java.version") + "|" + System.getProperty("java.home") + "|"
                + classPath + "|" + JvmOptions.required();
        String name = "stages-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)) + ".jsa";
        this.archive = workDir.resolve(".cds").resolve(name);
        this.possible = java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .allMatch(entry -> entry.endsWith(".jar"));
    }

    /** JVM options for the next stage process. */
    synchronized List<String> options() {
        if (!possible) {
            return List.of();
        }
        if (Files.exists(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        if (writing == null) {
            try {
                PrivateFiles.createDirectories(archive.getParent());
            } catch (IOException e) {
                return List.of();
            }
            writing = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            return List.of("-XX:ArchiveClassesAtExit=" + writing, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        return List.of();
    }

    /** After the process that was writing the archive exited: publish it if it is there. */
    synchronized void publish() {
        if (writing != null && Files.exists(writing)) {
            try {
                Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // another run published one first, or the file system refuses: starts stay as they were
            }
        }
    }
}
