package dev.sluice.runtime;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * One log line per event, {@code HH:mm:ss.SSS LEVEL [thread] logger - message}, then the exception's stack trace if
 * any: what logback's {@code PatternLayoutEncoder} wrote with that pattern, without its start-up cost (its converter
 * table, pattern parser and java.time formatters took about a fifth of a stage process's start-up CPU). The
 * line's start is {@link LogLine}'s, as in the supervisor's own log.
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {
    private final TargetLengthBasedClassNameAbbreviator abbreviator;

    /** @param loggerLength the logger name's length to abbreviate to, or 0 to leave the name out */
    public LogLineEncoder(int loggerLength) {
        this.abbreviator = loggerLength > 0 ? new TargetLengthBasedClassNameAbbreviator(loggerLength) : null;
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder line = LogLine.start(new StringBuilder(128), event.getTimeStamp(), event.getLevel().toString(),
                event.getThreadName());
        if (abbreviator != null) {
            line.append(abbreviator.abbreviate(event.getLoggerName())).append(' ');
        }
        line.append("- ").append(event.getFormattedMessage()).append('\n');
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append('\n');
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
