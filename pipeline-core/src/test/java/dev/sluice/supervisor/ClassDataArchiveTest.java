package dev.sluice.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("process")
class ClassDataArchiveTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldIgnoreAnArchiveMadeForAnotherJdkOrClassPathQuietly() throws Exception {
        int feature = Runtime.version().feature();
        Path archive = dir.resolve("sluice-java" + feature + (feature >= 24 ? ".aot" : ".jsa"));
        Files.write(archive, new byte[4096]); // not an archive this JVM can map
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(ClassDataArchive.optionsFor(archive));
        command.addAll(List.of("-cp", dir.toString(), "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, java.waitFor(), output);
        assertEquals(List.of(), output.lines().filter(l -> !l.matches("^(openjdk|OpenJDK|java).*")).toList(), output);
    }
}
