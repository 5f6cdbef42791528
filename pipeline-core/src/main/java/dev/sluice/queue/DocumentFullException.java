package dev.sluice.queue;

/**
 * A batch grew past what one queue document holds ({@link dev.sluice.config.QueueSettings#documentCapacity()}).
 * A source is asked again for fewer records; a processor whose outputs for one input document do not fit
 * fails the run, since no restart changes its outputs.
 */
public final class DocumentFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DocumentFullException(String message) {
        super(message);
    }

    public DocumentFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
