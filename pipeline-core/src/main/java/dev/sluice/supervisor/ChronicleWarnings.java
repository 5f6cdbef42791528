package dev.sluice.supervisor;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.sluice.runtime.LogLineEncoder;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends Chronicle's log events in this JVM to the supervisor's log for the length of a run, when the SLF4J backend
 * is Logback (an optional dependency: the command line brings it; an embedding application may use another
 * backend, whose configuration then decides where they go). No Logback class is touched unless Logback is the
 * backend.
 */
final class ChronicleWarnings {
    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    /** Undoes the routing. */
    interface Routing extends AutoCloseable {
        @Override
        void close();
    }

    private ChronicleWarnings() {
    }

    /** Until closed, Chronicle's events go (only) to {@code file}; a no-op under another backend. */
    static Routing to(Path file) {
        if (!LoggerFactory.getILoggerFactory().getClass().getName().equals(LOGBACK_CONTEXT)) {
            return () -> { };
        }
        return ToLogbackFile.attach(file);
    }

    /** The Logback part, loaded only when Logback is there. */
    private static final class ToLogbackFile {
        static Routing attach(Path file) {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            // the supervisor log's own line (LogLine), without PatternLayout's start-up cost
            LogLineEncoder encoder = new LogLineEncoder(0);
            encoder.setContext(context);
            encoder.start();
            FileAppender<ILoggingEvent> appender = new FileAppender<>();
            appender.setContext(context);
            appender.setName("chronicle-" + file);
            appender.setFile(file.toString());
            appender.setEncoder(encoder);
            appender.start();
            Logger chronicle = context.getLogger("net.openhft");
            chronicle.setAdditive(false);
            chronicle.addAppender(appender);
            return () -> {
                chronicle.detachAppender(appender);
                chronicle.setAdditive(true);
                appender.stop();
            };
        }
    }
}
