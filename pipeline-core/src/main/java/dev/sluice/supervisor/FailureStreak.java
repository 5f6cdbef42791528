package dev.sluice.supervisor;

/**
 * How many times in a row a slot has failed without progress: the exponent of its restart backoff. A slot that
 * processed records since its last failure starts a new streak, so a slot that recovered and ran well is restarted
 * at once when it next fails, however often it failed before.
 */
final class FailureStreak {
    private int failures;
    private long progressAtLastFailure = -1;

    /**
     * Counts a failure.
     *
     * @param progress a measure that grows as the slot works (its records in and out)
     * @return the failures in a row, this one included
     */
    int failed(long progress) {
        failures = progress == progressAtLastFailure ? failures + 1 : 1;
        progressAtLastFailure = progress;
        return failures;
    }
}
