package dev.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sluice new`'s project, written and read back (DistributionIT builds and runs one). */
class ProjectTemplateTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryFileWithTheNamesFilledIn() throws Exception {
        Map<String, Path> files = new ProjectTemplate("my-stages", "com.acme.stages").writeTo(dir, "/opt/sluice/bin/sluice");

        assertTrue(Files.isRegularFile(dir.resolve("src/main/java/com/acme/stages/Shout.java")));
        assertTrue(Files.isRegularFile(dir.resolve("src/main/java/com/acme/stages/LongestLine.java")));
        assertTrue(Files.isRegularFile(dir.resolve("src/test/java/com/acme/stages/PipelineTest.java")));
        assertTrue(Files.isExecutable(dir.resolve("run")));
        for (Path file : files.values()) {
            String text = Files.readString(file);
            assertFalse(text.matches("(?s).*@[a-zA-Z]+@.*"), file + " has a placeholder left:\n" + text);
        }
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>my-stages</artifactId>"), pom);
        assertTrue(pom.contains("--add-opens=java.base/java.lang=ALL-UNNAMED"), pom);
        assertFalse(pom.contains("${project.version}"), pom);
        assertTrue(Files.readString(dir.resolve("pipeline.yaml")).contains("class: com.acme.stages.Shout"));
        assertTrue(Files.readString(dir.resolve("run")).contains("/opt/sluice/bin/sluice"));
    }

    @Test
    void picksAPackageFromTheName() {
        assertEquals("com.example.mystages", ProjectTemplate.defaultPackage("My-Stages"));
        assertEquals("com.example.p2go", ProjectTemplate.defaultPackage("2go"));
    }

    @Test
    void refusesANameOrPackageThatCannotWork() {
        assertEquals(SluiceCli.BAD_USAGE, SluiceCli.execute("new", "-bad"));
        assertEquals(SluiceCli.BAD_USAGE, SluiceCli.execute("new", "9lives"));
        assertEquals(SluiceCli.BAD_USAGE, SluiceCli.execute("new", "ok", "--package", "Com.Acme"));
    }
}
