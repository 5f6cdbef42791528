package dev.sluice.api;

/**
 * A record larger than {@code queues.max-record-size}: no queue can carry it, and no restart changes
 * that. A source reading such a record fails the run with this error, naming where the record is; a
 * processor emitting one fails its input record under the stage's {@code on-error} policy.
 */
public class RecordTooLargeException extends RuntimeException {
    public RecordTooLargeException(String message) {
        super(message);
    }

    /** The standard wording: {@code what} (say "line 12 of books.txt") and its size against the limit. */
    public static RecordTooLargeException of(String what, long bytes, long limit) {
        return new RecordTooLargeException(what + " is " + (bytes > limit ? bytes + " bytes" : "over " + limit + " bytes")
                + ", more than queues.max-record-size (" + limit + " bytes); raise max-record-size under queues: "
                + "in the pipeline file (up to 1000MB) to carry it");
    }
}
