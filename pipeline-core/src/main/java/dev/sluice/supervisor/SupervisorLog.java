package dev.sluice.supervisor;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import dev.sluice.files.PrivateFiles;
import dev.sluice.runtime.LogLineEncoder;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's own log, {@code logs/supervisor-<pid>.log}, attached for the length of one run. Chronicle's
 * warnings in this JVM (say "Forced unlocking" when a queue's killed writer held its lock) go there too,
 * not to the user's terminal.
 */
final class SupervisorLog implements AutoCloseable {
    private final Logger logger;
    private final Logger chronicle;
    private final FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender;

    SupervisorLog(Path logsDir) throws IOException {
        Path file = logsDir.resolve("supervisor-" + ProcessHandle.current().pid() + ".log");
        PrivateFiles.createFile(file); // logback appends to it, keeping its mode
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogLineEncoder encoder = new LogLineEncoder(0);
        encoder.setContext(context);
        encoder.start();
        appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("supervisor-" + logsDir);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        logger = context.getLogger("sluice.supervisor." + logsDir.getParent().getFileName());
        logger.setAdditive(false);
        logger.addAppender(appender);
        chronicle = context.getLogger("net.openhft");
        chronicle.setAdditive(false);
        chronicle.addAppender(appender);
    }

    org.slf4j.Logger logger() {
        return logger;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        chronicle.detachAppender(appender);
        chronicle.setAdditive(true);
        appender.stop();
    }
}
