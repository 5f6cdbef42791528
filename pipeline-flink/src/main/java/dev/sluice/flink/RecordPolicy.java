package dev.sluice.flink;

import dev.sluice.config.ErrorPolicy;
import dev.sluice.config.StageConfig;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.slf4j.Logger;

/**
 * A stage's {@code on-error} on Flink. {@code fail}: the job fails at once, as the local run does (no
 * restart mends a record that throws). {@code skip}: the record is left out and logged. An
 * {@link Error} is not a record's failure but a crash: it is not caught, and Flink restarts from the
 * last checkpoint as the local supervisor restarts a process.
 */
final class RecordPolicy {
    private static final int LOGGED = 10;

    private final StageConfig stage;
    private final int worker;
    private final Logger log;
    private long skipped;

    RecordPolicy(StageConfig stage, int worker, Logger log) {
        this.stage = stage;
        this.worker = worker;
        this.log = log;
    }

    void failed(long origin, int index, Exception error) {
        String where = "stage '" + stage.name() + "' worker " + worker + ": record " + index + " of source batch " + origin;
        if (stage.settings().onError() == ErrorPolicy.SKIP) {
            if (++skipped <= LOGGED) {
                log.warn("{} skipped: {}", where, error.toString());
            }
            return;
        }
        throw new SuppressRestartsException(new RecordFailedException(where + " failed: " + error, error));
    }

    /** A record failed under {@code on-error: fail}; the message names the stage, worker and record. */
    static final class RecordFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        RecordFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
