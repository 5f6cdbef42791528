package dev.sluice.runtime;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.TimeZone;

/**
 * One log line per event, {@code HH:mm:ss.SSS LEVEL [thread] logger - message}, then the exception's stack trace if
 * any: what logback's {@code PatternLayoutEncoder} wrote with that pattern, without its start-up cost (its converter
 * table, pattern parser and java.time formatters took about a fifth of a stage process's start-up CPU).
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final int LEVEL_WIDTH = 5;
    private final TargetLengthBasedClassNameAbbreviator abbreviator;
    private final TimeZone zone = TimeZone.getDefault();

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
        StringBuilder line = new StringBuilder(128);
        appendTime(line, event.getTimeStamp());
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        for (int i = level.length(); i < LEVEL_WIDTH; i++) {
            line.append(' ');
        }
        line.append(" [").append(event.getThreadName()).append("] ");
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

    private void appendTime(StringBuilder line, long epochMillis) {
        long local = epochMillis + zone.getOffset(epochMillis);
        long millisOfDay = Math.floorMod(local, 86_400_000L);
        appendTwo(line, millisOfDay / 3_600_000).append(':');
        appendTwo(line, millisOfDay / 60_000 % 60).append(':');
        appendTwo(line, millisOfDay / 1000 % 60).append('.');
        long millis = millisOfDay % 1000;
        line.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
    }

    private static StringBuilder appendTwo(StringBuilder line, long value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
