package dev.sluice.outcome;

/** One stage's totals over its workers at the end of a run. */
public record StageStats(String stage, int workers, long recordsIn, long recordsOut, long elapsedMillis) {
}
