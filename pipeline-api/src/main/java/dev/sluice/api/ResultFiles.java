package dev.sluice.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes result files whole or not at all: a temp file beside the target, then an atomic rename. Files
 * are created readable by their owner only (0600), as everything else a run writes.
 */
public final class ResultFiles {
    /** Writes through a {@link BufferedWriter}; may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }

    private ResultFiles() {
    }

    public static void writeAtomically(Path target, IoConsumer<BufferedWriter> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                body.accept(out);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A writer to a new, empty file, 0600, replacing any there was: a temp file to rename into place when done. */
    public static BufferedWriter newPrivateWriter(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Writes {@code value} and a newline. */
    public static void writeLine(Path target, Object value) throws IOException {
        writeAtomically(target, out -> {
            out.write(String.valueOf(value));
            out.newLine();
        });
    }
}
