package dev.sluice.queue;

/** A queue holds a torn document that cannot be made good exactly: no restart mends that. */
public final class TornDocumentException extends RuntimeException {
    public TornDocumentException(String message) {
        super(message);
    }
}
