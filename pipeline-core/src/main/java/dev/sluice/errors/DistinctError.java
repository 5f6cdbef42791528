package dev.sluice.errors;

import java.util.SortedSet;

/**
 * One distinct exception of a stage, over every process that threw it: how often, when first and last,
 * in which workers and processes, and its stack trace as Agrona's log encoded it.
 *
 * @param lastPid the process that threw it last
 */
public record DistinctError(String stage, SortedSet<Integer> workers, SortedSet<Long> pids, long lastPid, long count,
                            long firstMillis, long lastMillis, String stackTrace) {
    /** The exception's first line: its class and message. */
    public String headline() {
        int end = stackTrace.indexOf('\n');
        return (end < 0 ? stackTrace : stackTrace.substring(0, end)).strip();
    }
}
