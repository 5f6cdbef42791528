package dev.sluice.testkit;

import dev.sluice.supervisor.JvmOptions;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What a test JVM needs to run pipelines, checked before a run so that a build set up wrongly gets a clear error,
 * not one from deep inside Chronicle: Sluice's JVM flags (in-process, Chronicle runs in this JVM), and a real class
 * path (stage processes are started with this JVM's {@code java.class.path}).
 */
final class TestJvm {
    private TestJvm() {
    }

    static void check(boolean processes) {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = JvmOptions.required().stream()
                .filter(flag -> flag.startsWith("--add-") && !arguments.contains(flag)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("this JVM lacks the flags Sluice needs: " + String.join(" ", missing)
                    + "\n(give them to the test JVM, e.g. in maven-surefire-plugin's argLine; `sluice new` writes a pom that does)");
        }
        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        if (processes && classPath.length == 1 && classPath[0].contains("surefirebooter")) {
            throw new IllegalStateException("stage processes need this JVM's real class path, but it is surefire's "
                    + "manifest-only jar: set maven-surefire-plugin's useManifestOnlyJar to false");
        }
    }
}
