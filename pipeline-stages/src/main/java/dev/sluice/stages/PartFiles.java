package dev.sluice.stages;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A sink's part files in its output directory: {@code part-00000.csv}, ... A part is written as a
 * hidden {@code .part-00000.csv.inprogress} file and renamed to its name (atomically) only once the
 * snapshot that covers it is saved; {@code _SUCCESS} marks an output that is complete.
 */
final class PartFiles {
    static final String SUCCESS = "_SUCCESS";

    private final Path directory;
    private final String prefix;
    private final String extension;

    PartFiles(Path directory, String prefix, String extension) {
        this.directory = directory;
        this.prefix = prefix;
        this.extension = extension;
    }

    Path directory() {
        return directory;
    }

    Path committed(int part) {
        return directory.resolve(String.format("%s-%05d.%s", prefix, part, extension));
    }

    Path inProgress(int part) {
        return directory.resolve("." + committed(part).getFileName() + ".inprogress");
    }

    /** Makes part {@code part} visible; idempotent (a restart may commit again what was committed). */
    void commit(int part) throws IOException {
        Path from = inProgress(part);
        Path to = committed(part);
        if (Files.exists(from)) {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else if (!Files.exists(to)) {
            throw new IOException("part " + to + " is neither written nor committed: its data is lost");
        }
    }

    /** Cuts part {@code part}'s in-progress file back to what a snapshot covered. */
    void truncate(int part, long length) throws IOException {
        Path file = inProgress(part);
        if (!Files.exists(file) || Files.size(file) < length) {
            throw new IOException(file + " is shorter than the " + length + " bytes its snapshot covers");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    /** Deletes in-progress parts numbered {@code from} and up: written after the snapshot being restored. */
    void dropInProgressFrom(int from) throws IOException {
        for (Path file : list("." + prefix + "-*." + extension + ".inprogress")) {
            String name = file.getFileName().toString();
            int part = Integer.parseInt(name.substring(prefix.length() + 2, name.indexOf('.', prefix.length() + 2)));
            if (part >= from) {
                Files.delete(file);
            }
        }
    }

    /** A run starting afresh: removes the parts and marker of an earlier run into the same directory. */
    int clear() throws IOException {
        Files.createDirectories(directory);
        int removed = 0;
        for (String glob : new String[] {prefix + "-*." + extension, "." + prefix + "-*." + extension + ".inprogress",
            SUCCESS}) {
            for (Path file : list(glob)) {
                Files.delete(file);
                removed++;
            }
        }
        return removed;
    }

    void markSuccess() throws IOException {
        dev.sluice.api.ResultFiles.writeAtomically(directory.resolve(SUCCESS), out -> { });
    }

    private java.util.List<Path> list(String glob) throws IOException {
        java.util.List<Path> files = new java.util.ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
                stream.forEach(files::add);
            }
        }
        return files;
    }
}
