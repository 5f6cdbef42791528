package dev.sluice.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory as Linux's {@code /proc/<pid>/status} gives it: now ({@code VmRSS}) and at its
 * highest ({@code VmHWM}). Elsewhere (no /proc) there is none to read.
 *
 * @param rssBytes  resident now
 * @param peakBytes the most it has been resident
 */
public record ProcessMemory(long rssBytes, long peakBytes) {

    /** The process's memory, or null if it is gone or the system has no /proc. */
    public static ProcessMemory of(long pid) {
        String status;
        try {
            status = Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return new ProcessMemory(kilobytes(status, "VmRSS:") * 1024, kilobytes(status, "VmHWM:") * 1024);
    }

    /** A "Name:   1234 kB" line's number, 0 if there is no such line. */
    static long kilobytes(String status, String name) {
        int at = status.indexOf(name);
        if (at < 0) {
            return 0;
        }
        long value = 0;
        for (int i = at + name.length(); i < status.length() && status.charAt(i) != '\n'; i++) {
            char c = status.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            } else if (value > 0) {
                break;
            }
        }
        return value;
    }
}
