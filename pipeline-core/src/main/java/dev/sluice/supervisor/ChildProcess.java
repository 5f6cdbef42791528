package dev.sluice.supervisor;

import dev.sluice.config.StageConfig;
import dev.sluice.errors.DistinctError;
import dev.sluice.errors.DistinctErrors;
import dev.sluice.files.PrivateFiles;
import dev.sluice.runtime.RunContext;
import dev.sluice.runtime.StageProcessMain;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One stage process: launched as its own JVM with its output in {@code logs/<stage>-<worker>-<pid>.log}. */
final class ChildProcess {
    private static final int TAIL_LINES = 20;
    private static final long DUMP_GRACE_MS = 500;
    private static final Path SHELL = Path.of("/bin/sh");

    final StageConfig stage;
    final int worker;
    final Process process;
    final Path log;
    /** Set when our hang detection killed it while a record was in flight: evidence against that record. */
    boolean hungInRecord;

    private ChildProcess(StageConfig stage, int worker, Process process, Path log) {
        this.stage = stage;
        this.worker = worker;
        this.process = process;
        this.log = log;
    }

    /** Sluice's own class path, then the pipeline's {@code class-path}: what every stage JVM runs with. */
    static String classPath(RunContext run) {
        List<String> entries = new ArrayList<>();
        entries.add(System.getProperty("java.class.path"));
        entries.addAll(run.config().classPath());
        return String.join(File.pathSeparator, entries);
    }

    static ChildProcess start(RunContext run, StageConfig stage, int worker, List<String> extraJvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SHELL)) {
            // the stage JVM, and everything it and Chronicle create, under umask 077: private to this user
            command.addAll(List.of(SHELL.toString(), "-c", "umask 077 && exec \"$@\"", "sh"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmOptions.required());
        command.addAll(extraJvmOptions);
        if (stage.jvmOptions().stream().noneMatch(o -> o.matches("-XX:\\+Use\\w*GC"))) {
            // several JVMs share the cores: one GC thread each beats a parallel collector per JVM
            command.add("-XX:+UseSerialGC");
        }
        command.addAll(stage.jvmOptions());
        command.add("-cp");
        command.add(classPath(run));
        command.add(StageProcessMain.class.getName());
        command.add(run.layout().dir().toString());
        command.add(stage.name());
        command.add(Integer.toString(worker));
        command.add(Long.toString(ProcessHandle.current().pid()));

        // The log is named by pid, which exists only once the process does: start with a temporary
        // name, then rename (the child keeps writing to the same open file).
        Path starting = run.layout().logs().resolve("." + stage.name() + "-" + worker + ".starting.log");
        PrivateFiles.createFile(starting);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(starting.toFile())) // O_APPEND: the supervisor appends notes too
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        Path log = run.layout().logs().resolve(stage.name() + "-" + worker + "-" + process.pid() + ".log");
        Files.move(starting, log, StandardCopyOption.ATOMIC_MOVE);
        return new ChildProcess(stage, worker, process, log);
    }

    String name() {
        return "stage '" + stage.name() + "' worker " + worker + " (pid " + process.pid() + ")";
    }

    /** Asks the process to stop (SIGTERM); kills it if it has not after {@code graceMillis}. */
    void stop(long graceMillis) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(graceMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A hung process: asks the JVM for a thread dump (SIGQUIT, then SIGCONT in case it was stopped), which
     * it writes into its log, notes why in the log, then kills it.
     */
    void dumpAndKill(String why) {
        appendToLog("sluice supervisor: " + why + "; thread dump follows, then kill -9");
        signal("QUIT");
        signal("CONT");
        try {
            process.waitFor(DUMP_GRACE_MS, TimeUnit.MILLISECONDS); // give the dump time to reach the log
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    /**
     * Whether the process is stopped by a signal (SIGSTOP, a debugger): then its silence is not its records'
     * doing. Linux only ({@code /proc/<pid>/stat}); elsewhere false.
     */
    boolean isStopped() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')') + 2; // "pid (name) S ...": the name may hold anything
            char state = afterName < stat.length() ? stat.charAt(afterName) : '?';
            return state == 'T' || state == 't';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor(1, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill command: we still kill it below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void appendToLog(String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is best effort; the supervisor's own log has the same line
        }
    }

    /**
     * Why it failed: its exit code, the exception it recorded last in its distinct-error log (or, failing
     * that, the one its log's tail names), and the last lines of its log.
     */
    String failure(Path errorsDir) {
        List<String> lines;
        try {
            lines = LogTail.lines(log, TAIL_LINES);
        } catch (IOException e) {
            lines = List.of("(log unreadable: " + e.getMessage() + ")");
        }
        String exception = "no exception logged";
        for (String line : lines) {
            int mark = line.indexOf(StageProcessMain.FAILURE_MARK);
            if (mark >= 0) {
                exception = line.substring(mark + StageProcessMain.FAILURE_MARK.length());
            }
        }
        int code = process.exitValue();
        if (code == 1 || code == StageProcessMain.EXIT_FATAL) { // it failed by itself: what it recorded last is why
            try {
                exception = DistinctErrors.latest(errorsDir, stage.name(), worker, process.pid())
                        .map(DistinctError::headline).orElse(exception);
            } catch (IOException | RuntimeException e) {
                // the log's tail still says what it can
            }
        }
        StringBuilder message = new StringBuilder()
                .append(name()).append(" failed with exit code ").append(code)
                .append(": ").append(exception)
                .append("\n  log ").append(log).append(", last lines:");
        for (String line : lines) {
            message.append("\n  | ").append(line);
        }
        return message.toString();
    }
}
