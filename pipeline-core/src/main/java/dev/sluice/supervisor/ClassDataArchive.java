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
 * verifying them. First choice, the class data this JVM was started with: {@code scripts/jdk.sh}, which the launch
 * scripts source, picks the file the build prepared for Sluice's class path and this JDK and the options that map it;
 * stage JVMs get the same options ({@value #OFF} as the system property {@value #PROPERTY}: no class data at
 * all). Otherwise (a JVM that no script started: the Java API, tests, Spring Batch), one dynamic archive per class
 * path and Java version under the work directory: the first stage process of a run without one writes it at exit
 * ({@code -XX:ArchiveClassesAtExit}), later ones map it. The JVM ignores a file made for another JDK or class path
 * (the pipeline's own class path after Sluice's is fine), and the options keep it quiet about it. CDS archives only
 * jars: with a directory on the class path (tests, an IDE), none.
 */
final class ClassDataArchive {
    static final String PROPERTY = "sluice.class-data";
    /** The property's value that turns class data off, for stage JVMs (to measure what it pays). */
    static final String OFF = "off";
    /** The options that choose class data, or keep the JVM quiet about it, as scripts/jdk.sh gives them. */
    private static final List<String> CLASS_DATA_OPTIONS = List.of("-XX:SharedArchiveFile=", "-XX:AOTCache=",
            "-Xlog:cds", "-Xlog:aot", "-Xshare:");

    private final List<String> inherited;
    private final Path archive;
    private final boolean possible;
    private Path writing;

    /** @param classPath the stage JVMs' class path */
    ClassDataArchive(Path workDir, String classPath) {
        this.possible = !OFF.equals(System.getProperty(PROPERTY))
                && Arrays.stream(classPath.split(File.pathSeparator)).allMatch(entry -> entry.endsWith(".jar"));
        this.inherited = possible ? inherited(ownArguments()) : List.of();
        // named by a checksum (not a name UUID: its MD5 would load the security providers, ~0.1 s of start-up)
        String key = System.getProperty("java.version") + "|" + System.getProperty("java.home") + "|"
                + classPath + "|" + JvmOptions.required();
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        String name = "stages-" + Long.toHexString(crc.getValue()) + Integer.toHexString(key.hashCode()) + ".jsa";
        this.archive = workDir.resolve(".cds").resolve(name);
    }

    /**
     * This JVM's command line, read from the OS (no JMX to load): /proc on Linux, where {@code ProcessHandle} gives no
     * arguments past a page of them (a long class path).
     */
    private static String[] ownArguments() {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8).split("\0");
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.current().info().arguments().orElse(new String[0]);
        }
    }

    /** The class-data options among a JVM's command-line arguments, if one of them chooses class data (not logging). */
    static List<String> inherited(String[] arguments) {
        List<String> options = Arrays.stream(arguments).filter(a -> CLASS_DATA_OPTIONS.stream().anyMatch(a::startsWith))
                .toList();
        return options.stream().anyMatch(o -> !o.startsWith("-Xlog:")) ? options : List.of();
    }

    /** JVM options for the next stage process. */
    synchronized List<String> options() {
        if (!possible) {
            return List.of();
        }
        if (!inherited.isEmpty()) {
            return inherited;
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
