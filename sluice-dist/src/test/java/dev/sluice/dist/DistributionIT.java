package dev.sluice.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sluice as a user gets it: the archive of the package phase unpacked into a temporary folder, its bin/sluice
 * reached through a symbolic link on PATH, used from another directory: the word count, then `sluice new`, the new
 * project built and tested by Maven offline (this build's artifacts in target/it-repo, plugins read from the
 * developer's local repository through a file mirror, which stays untouched), and its pipeline run by ./run.
 */
@Timeout(600)
class DistributionIT {
    private static final long STEP_TIMEOUT_SECONDS = 300;

    @TempDir
    Path root;

    private final Map<String, String> environment = new HashMap<>();

    @Test
    void unpackedAnywhereItRunsTheExamplesAndAProjectOfOnesOwn() throws Exception {
        String version = System.getProperty("sluice.dist.version");
        run(root, "tar", "xzf", System.getProperty("sluice.dist.archive"), "-C", root.toString());
        Path home = root.resolve("sluice-" + version);
        Path onPath = Files.createDirectories(root.resolve("bin"));
        Files.createSymbolicLink(onPath.resolve("sluice"), home.resolve("bin/sluice"));
        environment.put("PATH", onPath + ":" + System.getenv("PATH"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("XDG_CACHE_HOME", root.resolve("cache").toString()); // the class data goes here, not to ~/.cache
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));

        String sluice = onPath.resolve("sluice").toString(); // ProcessBuilder looks commands up on this JVM's PATH
        String wordCount = run(elsewhere, sluice, "run", home.resolve("config/wordcount.yaml").toString(), "-q",
                "--set", "workers=1");
        assertTrue(wordCount.contains("285 distinct words, 626 in all"), wordCount);
        assertEquals(1, count(elsewhere.resolve("sluice-runs/wordcount"), "wordcount.tsv"), wordCount);
        assertTrue(count(root.resolve("cache/sluice"), "sluice-java" + Runtime.version().feature()) == 1,
                "class data prepared at the first run");

        String made = run(elsewhere, sluice, "new", "my-stages", "--package", "com.acme.stages");
        assertTrue(made.contains("wrote project my-stages"), made);
        Path project = elsewhere.resolve("my-stages");

        run(project, maven(), "-o", "-B", "-q", "-Dmaven.repo.local=" + System.getProperty("sluice.it.repo"),
                "-s", settings().toString(), "-Daether.offline.protocols=file", "package");
        String report = Files.readString(project.resolve("target/surefire-reports/com.acme.stages.PipelineTest.txt"));
        assertTrue(report.contains("Tests run: 2, Failures: 0, Errors: 0"), report);

        String pipeline = run(project, "./run", "-q");
        assertTrue(pipeline.contains("SLUICE RUNS EACH STAGE OF A PIPELINE AS ITS OWN PROCESS. (longest of 4 lines)"), pipeline);
    }

    /** Reads the developer's local repository as a remote one: the offline build finds its plugins there. */
    private Path settings() throws IOException {
        return Files.writeString(root.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror><id>developer-repository</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(System.getProperty("sluice.it.m2")).toUri()));
    }

    private static String maven() {
        String home = System.getProperty("sluice.it.maven");
        return home != null && Files.isExecutable(Path.of(home, "bin", "mvn")) ? home + "/bin/mvn" : "mvn";
    }

    /** Runs a command to its end; its output (stdout and stderr) if it exits 0, else a failure that shows it. */
    private String run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("MAVEN_OPTS", "-Djansi.noreset=true");
        Path log = Files.createTempFile(root, "command-", ".log");
        long started = System.nanoTime();
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end in " + STEP_TIMEOUT_SECONDS + " s:\n"
                    + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.printf("%.1f s: %s%n", (System.nanoTime() - started) / 1e9, String.join(" ", command));
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " in " + dir + " failed:\n" + output);
        return output;
    }

    private static long count(Path dir, String nameStart) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(nameStart)).count();
        }
    }

    @AfterEach
    void leavesNoProcessBehind() {
        List<String> left = new ArrayList<>();
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .forEach(p -> left.add(p.pid() + " " + p.info().commandLine().orElse("?")));
        assertEquals(List.of(), left, "processes left behind");
    }
}
