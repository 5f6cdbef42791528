package dev.sluice.stages;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** A file, or the files a glob in the file-name part matches ({@code data/*.txt}), sorted by name. */
final class InputFiles {
    private InputFiles() {
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
