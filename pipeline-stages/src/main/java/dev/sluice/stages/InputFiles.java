package dev.sluice.stages;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A file, or the files a glob in the file-name part matches ({@code data/*.txt}), sorted by name; read
 * from a byte offset, {@code .gz} files gunzipped (their offsets count uncompressed bytes).
 */
final class InputFiles {
    private static final int BUFFER = 64 * 1024;

    private InputFiles() {
    }

    /** The file's bytes from {@code offset} on. */
    static InputStream open(Path file, long offset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, BUFFER);
        }
        in.skipNBytes(offset);
        return in;
    }

    /** The line number (1-based) at byte {@code offset} of the file: what a resumed source reports errors with. */
    static long lineAt(Path file, long offset) throws IOException {
        long line = 1;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = open(file, 0)) {
            for (long left = offset; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line++;
                    }
                }
                left -= n;
            }
        }
        return line;
    }

    static List<Path> resolve(Path path) throws IOException {
        String name = path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?") && !name.contains("[") && !name.contains("{")) {
            if (!Files.isRegularFile(path)) {
                throw new IOException("input file " + path + " does not exist");
            }
            return List.of(path);
        }
        Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matches = files.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName()))
                    .sorted().toList();
            if (matches.isEmpty()) {
                throw new IOException("no input file matches " + path);
            }
            return matches;
        }
    }
}
