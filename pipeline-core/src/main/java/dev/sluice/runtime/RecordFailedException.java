package dev.sluice.runtime;

/** A record threw and its stage's policy is {@code on-error: fail}: the run fails, without restarts. */
public final class RecordFailedException extends Exception {
    RecordFailedException(String stage, int inputQueue, long doc, int index, Exception cause) {
        super("stage '" + stage + "' failed on record " + index + " of input " + inputQueue + " document " + doc
                + " (on-error: fail; dead-letter or skip would set it aside): " + cause, cause);
    }
}
