package dev.sluice.queue;

/** A queue holds a torn document that cannot be made good exactly: no restart mends that. */
public final class TornDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TornDocumentException(String message) {
        super(message);
    }
}
