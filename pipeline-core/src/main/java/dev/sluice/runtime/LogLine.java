package dev.sluice.runtime;

import java.util.TimeZone;

/**
 * The start of a Sluice log line, {@code HH:mm:ss.SSS LEVEL [thread] }, written by hand: the stage processes'
 * Logback encoder ({@link LogLineEncoder}) and the supervisor's own log share it. java.time formatters and
 * {@code String.format} cost a JVM's start-up far more than these few appends.
 */
public final class LogLine {
    private static final int LEVEL_WIDTH = 5;
    private static final TimeZone ZONE = TimeZone.getDefault();

    private LogLine() {
    }

    /** Appends the local time of {@code epochMillis}, the level padded to five and the thread in brackets. */
    public static StringBuilder start(StringBuilder line, long epochMillis, String level, String thread) {
        long local = epochMillis + ZONE.getOffset(epochMillis);
        long millisOfDay = Math.floorMod(local, 86_400_000L);
        appendTwo(line, millisOfDay / 3_600_000).append(':');
        appendTwo(line, millisOfDay / 60_000 % 60).append(':');
        appendTwo(line, millisOfDay / 1000 % 60).append('.');
        long millis = millisOfDay % 1000;
        line.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
        line.append(' ').append(level);
        for (int i = level.length(); i < LEVEL_WIDTH; i++) {
            line.append(' ');
        }
        return line.append(" [").append(thread).append("] ");
    }

    private static StringBuilder appendTwo(StringBuilder line, long value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
