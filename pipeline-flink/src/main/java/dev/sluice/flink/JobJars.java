package dev.sluice.flink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a job on a remote cluster needs: this JVM's class path (Sluice, the built-in stages, the
 * user's stage classes and their libraries) less Flink's own jars, which the cluster has. A class
 * directory (a build's {@code target/classes}) is packed into a jar of its own, in {@code into}.
 */
final class JobJars {
    /** Flink's jars (provided scope) as Maven resolved them when pipeline-flink was built. */
    private static final String FLINK_CLASSPATH = "/dev/sluice/flink/flink.classpath";

    private JobJars() {
    }

    static List<String> of(String classPath, Path into) throws IOException {
        Set<String> flink = flinkJarNames();
        List<String> jars = new ArrayList<>();
        for (String entry : expandWildcards(classPath)) {
            Path path = Path.of(entry);
            if (entry.isEmpty() || !Files.exists(path) || flink.contains(path.getFileName().toString())) {
                continue;
            }
            if (Files.isDirectory(path)) {
                Files.createDirectories(into);
                Path jar = into.resolve(jars.size() + "-" + path.getFileName() + ".jar");
                pack(path, jar);
                path = jar;
            }
            jars.add(path.toAbsolutePath().toString());
        }
        return jars;
    }

    static Set<String> flinkJarNames() throws IOException {
        try (InputStream in = JobJars.class.getResourceAsStream(FLINK_CLASSPATH)) {
            if (in == null) {
                throw new IOException(FLINK_CLASSPATH + " is missing from pipeline-flink: rebuild it with mvn package");
            }
            Set<String> names = new HashSet<>();
            for (String jar : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(java.io.File.pathSeparator)) {
                names.add(Path.of(jar).getFileName().toString());
            }
            return names;
        }
    }

    private static void pack(Path dir, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                try {
                    out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** {@code dir/*} entries (as {@code java -cp} takes them) become the jars in {@code dir}. */
    private static List<String> expandWildcards(String classPath) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.endsWith(java.io.File.separator + "*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 2));
                if (Files.isDirectory(dir)) {
                    try (java.util.stream.Stream<Path> jars = Files.list(dir)) {
                        jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return entries;
    }
}
