package dev.sluice.cli;

import dev.sluice.supervisor.JvmOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The project {@code sluice new} writes: a Maven build against pipeline-api (and the test kit), a Processor, an
 * Aggregate, a pipeline that runs them after a built-in source, a test, and a {@code run} script. The files are
 * resources under {@code project/}, with {@code @name@}-style placeholders.
 */
final class ProjectTemplate {
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");

    private final String name;
    private final String packageName;

    ProjectTemplate(String name, String packageName) {
        this.name = name;
        this.packageName = packageName;
    }

    /** The package for a project without --package: com.example.<the name's letters and digits>. */
    static String defaultPackage(String name) {
        String tail = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "com.example." + (tail.isEmpty() || Character.isDigit(tail.charAt(0)) ? "p" + tail : tail);
    }

    /** Writes the project into {@code dir}, which must not exist or be empty; returns the files written. */
    Map<String, Path> writeTo(Path dir, String sluiceCommand) throws IOException {
        Map<String, String> values = Map.of("@name@", name, "@package@", packageName,
                "@version@", versions().getProperty("sluice"), "@junitVersion@", versions().getProperty("junit"),
                "@jvmArgs@", String.join(" ", JvmOptions.required()), "@sluiceCommand@", sluiceCommand);
        String sources = packageName.replace('.', '/');
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml.tmpl", "pom.xml");
        files.put("pipeline.yaml.tmpl", "pipeline.yaml");
        files.put("run.tmpl", "run");
        files.put("input.txt.tmpl", "data/input.txt");
        files.put("Shout.java.tmpl", "src/main/java/" + sources + "/Shout.java");
        files.put("LongestLine.java.tmpl", "src/main/java/" + sources + "/LongestLine.java");
        files.put("PipelineTest.java.tmpl", "src/test/java/" + sources + "/PipelineTest.java");
        files.put("README.md.tmpl", "README.md");
        files.put("gitignore.tmpl", ".gitignore");
        Map<String, Path> written = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String text = resource(file.getKey());
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            Path target = dir.resolve(file.getValue());
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            written.put(file.getValue(), target);
        }
        Files.setPosixFilePermissions(written.get("run"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return written;
    }

    private static Properties versions() {
        Properties versions = new Properties();
        try (InputStream in = ProjectTemplate.class.getResourceAsStream("project/versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ProjectTemplate.class.getResourceAsStream("project/" + name)) {
            if (in == null) {
                throw new IllegalStateException("project/" + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
