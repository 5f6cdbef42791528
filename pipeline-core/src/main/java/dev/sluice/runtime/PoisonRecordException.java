package dev.sluice.runtime;

/** A record that was in flight at {@code poison-after} consecutive crashes or hangs of its process. */
final class PoisonRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PoisonRecordException(long crashes) {
        super("its process crashed or hung " + crashes + " times in a row with this record in flight"
                + " (a hang's thread dump is in the stage's log)");
    }
}
