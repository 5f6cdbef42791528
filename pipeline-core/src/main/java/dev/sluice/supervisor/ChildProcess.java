package dev.sluice.supervisor;

import dev.sluice.config.StageConfig;
import dev.sluice.errors.DistinctError;
import dev.sluice.errors.DistinctErrors;
import dev.sluice.files.PrivateFiles;
import dev.sluice.runtime.SlotOrders;
import dev.sluice.runtime.StageProcessMain;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One stage process: a JVM launched with its output in {@code logs/}, and its orders ({@link SlotOrders}) on its
 * standard input. It gets the run's configuration at once and its slot when {@link #assign} is called; until then
 * it is a standby process, logging to {@code logs/standby-<pid>.log}, and then to
 * {@code logs/<stage>-<worker>-<pid>.log}.
 */
final class ChildProcess {
    private static final int TAIL_LINES = 20;
    /** How long a hung process may take to write its thread dump: a JVM starved of CPU takes seconds. */
    private static final long DUMP_DEADLINE_MS = 5_000;
    private static final long DUMP_POLL_MS = 20;
    /** The line HotSpot writes after the threads of a SIGQUIT dump. */
    private static final String DUMP_END = "JNI global refs:";
    /** Orders are written off the supervisor's thread: a process that does not read its input cannot block it. */
    private static final Executor ORDERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "sluice-orders");
        thread.setDaemon(true);
        return thread;
    });

    final Process process;
    /** The stage's jvm-options it was started with: which slots it can take. */
    final List<String> jvmOptions;
    private final DataOutputStream orders;
    private CompletableFuture<Void> ordersSent = CompletableFuture.completedFuture(null);
    private Path log;
    private StageConfig stage;
    private int worker = -1;
    /** Set when our hang detection killed it while a record was in flight: evidence against that record. */
    boolean hungInRecord;
    /** Set once our hang detection has killed it: its exit is on its way. */
    boolean killed;

    private ChildProcess(Process process, List<String> jvmOptions, Path log) {
        this.process = process;
        this.jvmOptions = jvmOptions;
        this.orders = new DataOutputStream(process.getOutputStream());
        this.log = log;
    }

    /**
     * Starts {@code command} with its output appended to a new log in {@code logsDir} named
     * {@code <logName>-<pid>.log}; it waits for its configuration ({@link #sendConfig}).
     */
    static ChildProcess launch(List<String> command, List<String> jvmOptions, Path logsDir, String logName)
            throws IOException {
        // The log is named by pid, which exists only once the process does: start with a temporary
        // name, then rename (the child keeps writing to the same open file).
        Path starting = logsDir.resolve("." + logName + ".starting.log");
        PrivateFiles.createFile(starting);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(starting.toFile())) // O_APPEND: the supervisor appends notes too
                .start();
        Path log = logsDir.resolve(logName + "-" + process.pid() + ".log");
        Files.move(starting, log, StandardCopyOption.ATOMIC_MOVE);
        return new ChildProcess(process, jvmOptions, log);
    }

    /** Sends it the run's encoded configuration, its first order. */
    void sendConfig(byte[] encodedConfig) {
        send(out -> SlotOrders.writeConfig(out, encodedConfig));
    }

    /** Gives it its slot: it starts running it as soon as it has read its configuration (and warmed up). */
    void assign(StageConfig stage, int worker) throws IOException {
        Path named = log.resolveSibling(stage.name() + "-" + worker + "-" + process.pid() + ".log");
        if (!named.equals(log)) {
            Files.move(log, named, StandardCopyOption.ATOMIC_MOVE);
            log = named;
        }
        this.stage = stage;
        this.worker = worker;
        send(out -> SlotOrders.writeSlot(out, stage.name(), worker));
    }

    /** Tells a standby process that no slot will come: it exits. */
    void retire() {
        ordersSent = ordersSent.thenRunAsync(() -> {
            try {
                orders.close();
            } catch (IOException gone) {
                // it has exited already
            }
        }, ORDERS);
    }

    private interface Order {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private void send(Order order) {
        ordersSent = ordersSent.thenRunAsync(() -> {
            try {
                order.writeTo(orders);
            } catch (IOException gone) {
                // it has exited: the supervisor hears of that from its exit
            }
        }, ORDERS);
    }

    boolean isStandby() {
        return stage == null;
    }

    StageConfig stage() {
        return stage;
    }

    int worker() {
        return worker;
    }

    Path log() {
        return log;
    }

    String name() {
        return stage == null ? "standby process (pid " + process.pid() + ")"
                : "stage '" + stage.name() + "' worker " + worker + " (pid " + process.pid() + ")";
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
        killed = true;
        appendToLog("sluice supervisor: " + why + "; thread dump follows, then kill -9");
        long dumpFrom = logSize();
        signal("QUIT");
        signal("CONT");
        awaitDump(dumpFrom);
        process.destroyForcibly();
    }

    /**
     * Waits until the thread dump has reached the log, the process has exited, or the deadline: a fixed grace was
     * too short on a loaded machine, where the process was killed before it had written its dump.
     */
    private void awaitDump(long dumpFrom) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DUMP_DEADLINE_MS);
        try {
            while (!process.waitFor(DUMP_POLL_MS, TimeUnit.MILLISECONDS) && !logHolds(dumpFrom, DUMP_END)
                    && System.nanoTime() < deadline) {
                // polled: the dump is written by the child into a file we do not own the writing of
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long logSize() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether the log holds {@code text} after byte {@code from}. */
    private boolean logHolds(long from, String text) {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(from);
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.max(0, Math.min(channel.size() - from, Integer.MAX_VALUE)));
            while (bytes.hasRemaining() && channel.read(bytes) > 0) {
                // read what is there
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
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
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is best effort; the supervisor's own log has the same line
        }
    }

    /**
     * Why it failed: its exit code, the exception it recorded last in its distinct-error log (or, failing
     * that, the one its log's tail names), and the last lines of its log. {@code errorsDir} is null for a
     * spare that died unused: it recorded no errors.
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
        if (errorsDir != null && (code == 1 || code == StageProcessMain.EXIT_FATAL)) { // it failed by itself: what it recorded last is why
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
