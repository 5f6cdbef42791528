package dev.sluice.runtime;

/** A record that was in flight at {@code poison-after} consecutive crashes of its process. */
final class PoisonRecordException extends RuntimeException {
    PoisonRecordException(long crashes) {
        super("the process crashed " + crashes + " times in a row with this record in flight");
    }
}
