package dev.sluice.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags every Sluice process needs (Chronicle's --add-opens/--add-exports and friends).
 * The one list lives in the parent pom; the build filters it into {@code dev/sluice/jvm.options}. On Java 24 and
 * later, where Chronicle's use of {@code sun.misc.Unsafe} prints a warning in every JVM, one flag more allows it
 * (the flag does not exist before Java 23: a Java 17 JVM would refuse it).
 */
public final class JvmOptions {
    private static final String RESOURCE = "/dev/sluice/jvm.options";
    /** Lets Chronicle use {@code sun.misc.Unsafe} without a warning on Java 24+ (JEP 498). */
    public static final String ALLOW_UNSAFE = "--sun-misc-unsafe-memory-access=allow";

    private JvmOptions() {
    }

    public static List<String> required() {
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<String> options = new ArrayList<>(Arrays.asList(text.split("\\s+")));
            options.removeIf(String::isEmpty);
            if (Runtime.version().feature() >= 24) {
                options.add(ALLOW_UNSAFE);
            }
            return List.copyOf(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
