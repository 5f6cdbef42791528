package dev.sluice.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of a stage process whose supervisor logs with {@link ConsoleLogging} (chosen by
 * {@link StageLoggingOptions}): the same Logback set-up, made directly. SLF4J's and Logback's own start look for
 * providers, configurators and {@code logback.xml} in every jar of the class path (opening and indexing each one)
 * and spin method handles for their status messages, to reach the answer the supervisor already knows.
 */
public final class StageLogging implements SLF4JServiceProvider {
    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    @Override
    public void initialize() {
        context.setName("default");
        context.setMDCAdapter(mdc);
        if (System.getProperty("logback.configurationFile") == null) {
            ConsoleLogging.install(context);
        } else { // a stage's jvm-options chose a configuration file
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                e.printStackTrace();
            }
        }
        context.start();
    }

    @Override
    public LoggerContext getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
