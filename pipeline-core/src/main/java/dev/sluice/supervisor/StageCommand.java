package dev.sluice.supervisor;

import dev.sluice.config.PipelineConfig;
import dev.sluice.rundir.RunLayout;
import dev.sluice.runtime.StageLoggingOptions;
import dev.sluice.runtime.StageProcessMain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a stage process: this JVM's java, the flags every Sluice JVM needs, the class-data options,
 * the stage's {@code jvm-options}, Sluice's class path and then the pipeline's {@code class-path}, and the run.
 */
final class StageCommand {
    private static final Path SHELL = Path.of("/bin/sh");
    /**
     * C2 compiles a method after ten times the JVM's default invocations and loop iterations: in a short stage
     * process (trivial work, a restart) C2 otherwise spends a sixth of the JVM's CPU on the JDK and library code
     * of its start; a long run crosses these counts in its first milliseconds anyway. C1 is left as it is, for the
     * first records. A stage's {@code jvm-options} come after these and override them.
     */
    private static final List<String> LATER_C2 = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");

    private final PipelineConfig config;
    private final RunLayout layout;
    private final ClassDataArchive classData;

    StageCommand(PipelineConfig config, RunLayout layout, ClassDataArchive classData) {
        this.config = config;
        this.layout = layout;
        this.classData = classData;
    }

    /** Sluice's own class path, then the pipeline's {@code class-path}: what every stage JVM runs with. */
    static String classPath(PipelineConfig config) {
        List<String> entries = new ArrayList<>();
        entries.add(System.getProperty("java.class.path"));
        entries.addAll(config.classPath());
        return String.join(File.pathSeparator, entries);
    }

    /** A stage process for a slot whose stage has {@code jvmOptions}; a standby one warms up before its slot comes. */
    List<String> build(List<String> jvmOptions, boolean standby) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SHELL)) {
            // the stage JVM, and everything it and Chronicle create, under umask 077: private to this user
            command.addAll(List.of(SHELL.toString(), "-c", "umask 077 && exec \"$@\"", "sh"));
        }
        List<String> options = new ArrayList<>(classData.options()); // asked per process: only one writes a new archive
        if (jvmOptions.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w*GC"))) {
            // several JVMs share the cores: one GC thread each beats a parallel collector per JVM
            options.add("-XX:+UseSerialGC");
        }
        options.addAll(LATER_C2);
        options.addAll(StageLoggingOptions.of(config.classPath())); // before jvm-options, which may override
        options.addAll(jvmOptions);
        List<String> args = new ArrayList<>(List.of(layout.dir().toString(), Long.toString(ProcessHandle.current().pid())));
        if (standby) {
            args.add(StageProcessMain.STANDBY);
        }
        command.addAll(JavaCommand.of(options, classPath(config), StageProcessMain.class.getName(), args));
        return command;
    }
}
