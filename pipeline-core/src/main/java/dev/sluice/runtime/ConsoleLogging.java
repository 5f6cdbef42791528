package dev.sluice.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logging of every Sluice JVM, set up in code (a logback {@link Configurator} found by the service loader):
 * INFO and up to standard output ({@link LogLineEncoder}), which the supervisor sends into each stage process's log file;
 * Chronicle's own messages from WARN up, Flink's from ERROR up. Parsing a logback.xml took about a third of a stage process's
 * start-up CPU. A JVM that brings its own logback configuration (a batch job embedding a stage) keeps it.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || getClass().getClassLoader().getResource("logback-test.xml") != null
                || getClass().getClassLoader().getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        install(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void install(LoggerContext context) {
        LogLineEncoder encoder = new LogLineEncoder(30);
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("net.openhft").setLevel(Level.WARN);
        // without JNA (left off the class path: see pipeline-core's pom) affinity says so at WARN in every JVM
        context.getLogger("net.openhft.affinity").setLevel(Level.ERROR);
        // the flink engines: Flink's routine warnings are noise here; a failed job reports its own error
        context.getLogger("org.apache.flink").setLevel(Level.ERROR);
        context.getLogger("org.apache.pekko").setLevel(Level.WARN);
        StageLoggingOptions.consoleLoggingApplied();
    }
}
