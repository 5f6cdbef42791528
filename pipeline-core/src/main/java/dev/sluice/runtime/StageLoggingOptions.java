package dev.sluice.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Whether a stage process can skip SLF4J's and Logback's search for their set-up ({@link StageLogging}): only when
 * this JVM, on whose class path stage processes run, ended up with {@link ConsoleLogging}, and the pipeline's
 * {@code class-path} adds nothing that could change that. No Logback types here: Logback is optional.
 */
public final class StageLoggingOptions {
    private static volatile boolean consoleLogging;

    private StageLoggingOptions() {
    }

    static void consoleLoggingApplied() {
        consoleLogging = true;
    }

    /**
     * The JVM options that give a stage process {@link StageLogging}: none unless this JVM logs with
     * {@link ConsoleLogging} and the pipeline's {@code class-path} is only directories that bring no logging
     * configuration or SLF4J provider (a jar could: the stage process then looks for its set-up as usual).
     */
    public static List<String> of(List<String> pipelineClassPath) {
        LoggerFactory.getILoggerFactory(); // this JVM's logging is set up
        if (!consoleLogging || !pipelineClassPath.stream().allMatch(StageLoggingOptions::bringsNoLogging)) {
            return List.of();
        }
        return List.of("-Dslf4j.provider=" + StageLogging.class.getName(),
                "-Dslf4j.internal.verbosity=WARN"); // else SLF4J says at INFO, in every log, that it used the property
    }

    private static boolean bringsNoLogging(String entry) {
        Path dir = Path.of(entry);
        return Files.isDirectory(dir) && !Files.exists(dir.resolve("logback.xml"))
                && !Files.exists(dir.resolve("logback-test.xml"))
                && !Files.exists(dir.resolve("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"));
    }
}
