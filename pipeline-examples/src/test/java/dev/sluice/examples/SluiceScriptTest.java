package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/sluice} in a copy of the repository's shape (a parent pom, one module, a real Maven,
 * a stand-in {@code java} that prints what it was given): when it rebuilds, what its build prints, and
 * the umask the CLI JVM starts under.
 */
@Timeout(120)
class SluiceScriptTest extends PipelineTestSupport {
    @TempDir
    Path dir;
    private Path repo;
    private Path stamp;

    @BeforeEach
    void copyOfTheRepository() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("mvn", "-v").start().waitFor() == 0, "no mvn on the PATH");
        repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("scripts"));
        for (String script : new String[] {"sluice", "jdk.sh"}) {
            Files.copy(Path.of("..", "scripts", script), repo.resolve("scripts").resolve(script));
        }
        Files.writeString(repo.resolve("pom.xml"), pom("parent", "<modules><module>pipeline-core</module></modules>"));
        Files.createDirectories(repo.resolve("pipeline-core/src/main/java"));
        Files.writeString(repo.resolve("pipeline-core/pom.xml"), pom("pipeline-core", ""));
        Files.writeString(repo.resolve("pipeline-core/src/main/java/Stage.java"), "class Stage {}\n");
        Files.createDirectories(repo.resolve("pipeline-examples/target"));
        stamp = repo.resolve("pipeline-examples/target/.sluice-build-stamp");
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho \"umask $(umask)\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void shouldBuildQuietlyOnceAndThenOnlyWhenTheProjectsOwnSourcesChange() throws Exception {
        String first = sluice();
        assertTrue(first.contains("sluice: building"), first);
        assertFalse(first.contains("\u001b"), "terminal escape codes in: " + first.replace("\u001b", "ESC"));
        assertTrue(first.contains("umask 0077"), first);

        Path elsewhere = repo.resolve("notes/Scratch.java");
        Files.createDirectories(elsewhere.getParent());
        Files.writeString(elsewhere, "class Scratch {}\n");
        newerThanTheStamp(elsewhere);
        Path test = repo.resolve("pipeline-core/src/test/java/StageTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "class StageTest {}\n");
        newerThanTheStamp(test);
        String unchanged = sluice();
        assertFalse(unchanged.contains("sluice: building"), unchanged);

        newerThanTheStamp(repo.resolve("pipeline-core/src/main/java/Stage.java"));
        String changed = sluice();
        assertTrue(changed.contains("sluice: building"), changed);
    }

    private void newerThanTheStamp(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(stamp).toMillis() + 10_000));
    }

    private String sluice() throws Exception {
        ProcessBuilder script = new ProcessBuilder("bash", repo.resolve("scripts/sluice").toString(), "--help")
                .redirectErrorStream(true);
        script.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        script.environment().remove("SLUICE_CLASSPATH");
        Process process = script.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
            assertEquals(0, process.exitValue(), output);
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    private static String pom(String artifact, String body) {
        return "<project><modelVersion>4.0.0</modelVersion><groupId>test</groupId><artifactId>" + artifact
                + "</artifactId><version>1</version><packaging>pom</packaging>" + body + "</project>\n";
    }
}
