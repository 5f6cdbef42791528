package dev.sluice.stages;

import dev.sluice.api.BadInputException;
import dev.sluice.api.Options;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file, or the files a glob in the file-name part matches ({@code data/*.txt}), sorted by name; read
 * from a byte offset, {@code .gz} files gunzipped (their offsets count uncompressed bytes). A path
 * that can never be read (missing, a directory, a glob matching nothing) is an error in the option that
 * names it, so `sluice validate` finds it and a run fails at once instead of restarting its source.
 */
final class InputFiles {
    private static final int BUFFER = 64 * 1024;

    private InputFiles() {
    }

    /** The file's bytes from {@code offset} on; a corrupt {@code .gz} or a vanished file is a {@link BadInputException}. */
    static InputStream open(Path file, long offset) throws IOException {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        } catch (NoSuchFileException e) {
            throw new BadInputException("input file " + file + " disappeared during the run");
        }
        if (file.getFileName().toString().endsWith(".gz")) {
            in = GzipInput.open(file, in, BUFFER);
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

    static List<Path> resolve(Options options, String key) {
        Path path = options.getPath(key);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?") && !name.contains("[") && !name.contains("{")) {
            if (Files.isDirectory(path)) {
                throw options.error(key, "input path " + path + " is a directory; name a file, or its files with a glob such as "
                        + path.resolve("*.txt"));
            }
            if (!Files.exists(path)) {
                throw options.error(key, "input file " + path + " does not exist");
            }
            if (!Files.isReadable(path)) {
                throw options.error(key, "input file " + path + " is not readable");
            }
            return List.of(path);
        }
        Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
        if (!Files.isDirectory(dir)) {
            throw options.error(key, "no input file matches " + path + ": directory " + dir + " does not exist");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matches = files.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName()))
                    .sorted().toList();
            if (matches.isEmpty()) {
                throw options.error(key, "no input file matches " + path);
            }
            return matches;
        } catch (IOException e) {
            throw options.error(key, "cannot list " + dir + ": " + e);
        }
    }
}
