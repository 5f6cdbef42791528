package dev.sluice.supervisor;

import dev.sluice.files.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Class data for stage JVMs, so that they map their classes (Chronicle, Agrona, the stages) instead of loading and
 * verifying them. First choice, the file the build prepared for Sluice's class path ({@code scripts/class-data}):
 * {@code sluice-java<N>.aot}, an AOT cache, on Java 24 and later; {@code sluice-java<N>.jsa}, a static AppCDS
 * archive, before. It is looked for in the directory named by the system property {@value #DIRECTORY_PROPERTY}
 * ({@code scripts/sluice} sets it; {@value #OFF} means no class data at all), else in {@code class-data/} beside
 * the first entry of this JVM's class path.
 * Otherwise, one dynamic archive per class path and Java version under the work directory: the first stage process
 * of a run without one writes it at exit ({@code -XX:ArchiveClassesAtExit}), later ones map it. The JVM ignores a
 * file made for another JDK or class path (the pipeline's own class path after Sluice's is fine), and the options
 * keep it quiet about it. CDS archives only jars: with a directory on the class path (tests, an IDE), none.
 */
final class ClassDataArchive {
    static final String DIRECTORY_PROPERTY = "sluice.class-data";
    /** The property's value that turns class data off, for stage JVMs (to measure what it pays). */
    static final String OFF = "off";

    private final Path prepared;
    private final Path archive;
    private final boolean possible;
    private Path writing;

    /** @param classPath the stage JVMs' class path */
    ClassDataArchive(Path workDir, String classPath) {
        this.possible = !OFF.equals(System.getProperty(DIRECTORY_PROPERTY))
                && Arrays.stream(classPath.split(File.pathSeparator)).allMatch(entry -> entry.endsWith(".jar"));
        this.prepared = possible ? prepared() : null;
        // named by a checksum (not a name UUID: its MD5 would load the security providers, ~0.1 s of start-up)
        String key = System.getProperty("java.version") + "|" + System.getProperty("java.home") + "|"
                + classPath + "|" + JvmOptions.required();
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        String name = "stages-" + Long.toHexString(crc.getValue()) + Integer.toHexString(key.hashCode()) + ".jsa";
        this.archive = workDir.resolve(".cds").resolve(name);
    }

    /** The build's file for this JDK, or null. */
    static Path prepared() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        Path directory;
        if (configured != null) {
            directory = Path.of(configured);
        } else {
            Path first = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
            directory = first.resolveSibling("class-data");
        }
        int feature = Runtime.version().feature();
        Path file = directory.resolve("sluice-java" + feature + (feature >= 24 ? ".aot" : ".jsa"));
        return Files.isRegularFile(file) ? file : null;
    }

    /** The JVM options that make a JVM of this JDK map {@code file}, quietly. */
    static List<String> optionsFor(Path file) {
        if (file.getFileName().toString().endsWith(".aot")) {
            return List.of("-XX:AOTCache=" + file, "-Xlog:aot=off", "-Xlog:cds=off");
        }
        return List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds=off");
    }

    /** JVM options for the next stage process. */
    synchronized List<String> options() {
        if (!possible) {
            return List.of();
        }
        if (prepared != null) {
            return optionsFor(prepared);
        }
        if (Files.exists(archive)) {
            return quietly("-XX:SharedArchiveFile=" + archive);
        }
        if (writing == null) {
            try {
                PrivateFiles.createDirectories(archive.getParent());
            } catch (IOException e) {
                return List.of();
            }
            writing = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            return quietly("-XX:ArchiveClassesAtExit=" + writing);
        }
        return List.of();
    }

    private static List<String> quietly(String option) {
        return List.of(option, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
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
