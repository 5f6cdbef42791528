package dev.sluice.stages;

import dev.sluice.api.Options;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file, or the files a glob in the file-name part matches ({@code data/*.txt}), sorted by name. A path
 * that can never be read (missing, a directory, a glob matching nothing) is an error in the option that
 * names it, so `sluice validate` finds it and a run fails at once instead of restarting its source.
 */
final class InputFiles {
    private InputFiles() {
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
