package dev.sluice.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags every Sluice process needs (Chronicle's --add-opens/--add-exports and friends).
 * The one list lives in the parent pom; the build filters it into {@code dev/sluice/jvm.options}.
 */
public final class JvmOptions {
    private static final String RESOURCE = "/dev/sluice/jvm.options";

    private JvmOptions() {
    }

    public static List<String> required() {
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return Arrays.stream(text.split("\\s+")).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
