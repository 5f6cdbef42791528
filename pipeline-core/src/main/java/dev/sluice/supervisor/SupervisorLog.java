package dev.sluice.supervisor;

import dev.sluice.files.PrivateFiles;
import dev.sluice.runtime.LogLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;

/**
 * The supervisor's own log, {@code logs/supervisor-<pid>.log}, for the length of one run. It is written here, not
 * through the logging backend, so it is the same whatever SLF4J backend an embedding application uses; with
 * Logback, Chronicle's warnings in this JVM (say "Forced unlocking" when a queue's killed writer held its lock) go
 * there too ({@link ChronicleWarnings}), not to the user's terminal.
 */
final class SupervisorLog implements AutoCloseable {
    private final FileLogger logger;
    private final ChronicleWarnings.Routing chronicle;

    SupervisorLog(Path logsDir) throws IOException {
        Path file = logsDir.resolve("supervisor-" + ProcessHandle.current().pid() + ".log");
        PrivateFiles.createFile(file); // appended to from here on, keeping its mode
        logger = new FileLogger("sluice.supervisor." + logsDir.getParent().getFileName(),
                Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        chronicle = ChronicleWarnings.to(file);
    }

    Logger logger() {
        return logger;
    }

    @Override
    public void close() throws IOException {
        try {
            chronicle.close();
        } finally {
            logger.close();
        }
    }

    /** Every level from INFO up, one line each ({@code HH:mm:ss.SSS LEVEL [thread] - message}), then any stack trace. */
    private static final class FileLogger extends org.slf4j.helpers.LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        private final transient Writer out;

        FileLogger(String name, Writer out) {
            this.name = name;
            this.out = out;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected synchronized void handleNormalizedLoggingCall(org.slf4j.event.Level level, org.slf4j.Marker marker,
                                                                String pattern, Object[] arguments, Throwable error) {
            StringBuilder line = LogLine.start(new StringBuilder(128), System.currentTimeMillis(), level.toString(),
                    Thread.currentThread().getName()).append("- ")
                    .append(org.slf4j.helpers.MessageFormatter.basicArrayFormat(pattern, arguments)).append('\n');
            if (error != null) {
                StringWriter stack = new StringWriter();
                error.printStackTrace(new PrintWriter(stack));
                line.append(stack);
            }
            try {
                out.write(line.toString());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the supervisor log", e);
            }
        }

        synchronized void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
