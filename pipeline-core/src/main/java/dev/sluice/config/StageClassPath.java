package dev.sluice.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a pipeline's own stage classes come from, beyond Sluice's class path: directories, jars, and
 * {@code dir/*} for every jar in a directory (as {@code java -cp} reads it). Stage JVMs get the entries on
 * their command line; validation, in-process runs and replays load through {@link #loader}.
 */
final class StageClassPath {
    private StageClassPath() {
    }

    /** Splits {@code a:b} lists, drops empty and repeated entries and makes the rest absolute against {@code baseDir}. */
    static List<String> resolve(List<String> entries, Path baseDir) {
        Set<String> resolved = new LinkedHashSet<>();
        for (String list : entries) {
            for (String entry : list.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    resolved.add(entry.endsWith("*")
                            ? baseDir.resolve(entry.substring(0, entry.length() - 1)).normalize() + File.separator + "*"
                            : baseDir.resolve(entry).normalize().toString());
                }
            }
        }
        return List.copyOf(resolved);
    }

    /** A loader over the entries, its parent the current one; the current one itself if there are none. */
    static ClassLoader loader(List<String> entries) {
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        if (parent == null) {
            parent = StageClassPath.class.getClassLoader();
        }
        if (entries.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : entries) {
            if (entry.endsWith(File.separator + "*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 2));
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> jars = Files.list(dir)) {
                        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                            urls.add(url(jar));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot list class-path directory " + dir, e);
                    }
                }
            } else {
                urls.add(url(Path.of(entry)));
            }
        }
        return new URLClassLoader("sluice-stages", urls.toArray(URL[]::new), parent);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("class-path entry " + path + ": " + e.getMessage(), e);
        }
    }
}
