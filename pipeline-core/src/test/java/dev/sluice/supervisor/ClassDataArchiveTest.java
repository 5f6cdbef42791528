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

/**
 * The class data a launch script picks (scripts/jdk.sh) reaches the stage JVMs, and a JVM given a file it cannot map
 * ignores it quietly.
 */
@Tag("process")
class ClassDataArchiveTest {
    private static final Path JDK_SH = Path.of("..", "scripts", "jdk.sh").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldGiveStageJvmsTheClassDataOptionsThisJvmWasStartedWith() throws Exception {
        Path archive = Files.write(dir.resolve("other.jsa"), new byte[4096]);
        List<String> options = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off");

        String stageOptions = output(JavaCommand.of(options, System.getProperty("java.class.path"),
                PrintStageOptions.class.getName(), List.of(dir.toString())));

        assertEquals(options.toString(), stageOptions.strip());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldIgnoreAnArchiveMadeForAnotherJdkOrClassPathQuietly() throws Exception {
        // the options jdk.sh gives for this JDK's file, which is no archive this JVM can map
        String script = ". \"$1\"; sluice_jdk; sluice_class_data_file \"$2\"; head -c 4096 /dev/zero > \"$class_data_file\";"
                + " sluice_jvm_flags \"$2\" \"\"; exec \"$java_cmd\" \"${jvm_flags[@]}\" -version";
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script, "bash", JDK_SH.toString(), dir.toString());
        bash.environment().put("JAVA_HOME", System.getProperty("java.home"));
        bash.environment().remove("SLUICE_CLASS_DATA");

        String output = output(bash.command());

        assertEquals(List.of(), output.lines().filter(l -> !l.matches("^(openjdk|OpenJDK|java).*")).toList(), output);
    }

    private String output(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    /** A supervisor's JVM in miniature: prints the class-data options its stage JVMs would get. */
    public static final class PrintStageOptions {
        public static void main(String[] args) {
            System.out.println(new ClassDataArchive(Path.of(args[0]), "stage.jar").options());
        }
    }
}
