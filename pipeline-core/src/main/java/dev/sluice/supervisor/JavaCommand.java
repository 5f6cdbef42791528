package dev.sluice.supervisor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a Sluice JVM's command line is made: this JVM's {@code java}, the flags every Sluice JVM needs
 * ({@link JvmOptions}), further options, the class path and the main class with its arguments. Stage processes,
 * and tests and benchmarks that start a CLI or supervisor JVM, all go through it.
 */
public final class JavaCommand {
    private JavaCommand() {
    }

    /** The {@code java} launcher of the running JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <required flags> <jvmOptions> -cp <classPath> <mainClass> <args>}. */
    public static List<String> of(List<String> jvmOptions, String classPath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(JvmOptions.required());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** A JVM with this JVM's class path, running {@code mainClass} with {@code args}. */
    public static List<String> sameClassPath(String mainClass, String... args) {
        return of(List.of(), System.getProperty("java.class.path"), mainClass, List.of(args));
    }
}
