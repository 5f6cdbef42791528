package dev.sluice.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and directories that only their owner may read: 0600 and 0700, whatever the JVM's umask (a
 * Java-API user's JVM runs with its own). Stage processes run under umask 077 as well, which covers
 * what Chronicle creates in them.
 */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and any missing parents, each 0700. */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            createDirectories(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute, directoryPermissions());
        } catch (java.nio.file.FileAlreadyExistsException racedWithAnother) {
            // made meanwhile by another process of the run
        }
    }

    /** Creates an empty file, 0600, if there is none. */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, filePermissions());
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            // keep it: it is appended to
        }
    }

    /** A new, empty file, 0600, replacing any there was; for writing a temp file that is then renamed. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.newOutputStream(Files.createFile(file, filePermissions()), StandardOpenOption.WRITE);
    }

    /** Writes {@code text} whole (a 0600 temp file renamed over {@code file}). */
    public static void writeString(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp",
                filePermissions());
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes an existing file 0600, or directory 0700. */
    public static void restrict(Path p) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
        }
    }

    private static FileAttribute<?>[] filePermissions() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] directoryPermissions() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
    }
}
