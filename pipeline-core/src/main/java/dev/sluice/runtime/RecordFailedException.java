package dev.sluice.runtime;

/** A record threw and its stage's policy is {@code on-error: fail}: the run fails, without restarts. */
public final class RecordFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    RecordFailedException(String stage, int inputQueue, long doc, int index, Exception cause) {
        super("stage '" + stage + "' failed on record " + index + " of input " + inputQueue + " document " + doc
                + " (on-error: fail; dead-letter or skip would set it aside): " + cause, cause);
    }

    /** A source's malformed input under on-error: fail; its message says file:line. */
    RecordFailedException(String stage, dev.sluice.api.MalformedRecordException cause) {
        super("stage '" + stage + "' failed on malformed input at " + cause.getMessage(), cause);
    }
}
