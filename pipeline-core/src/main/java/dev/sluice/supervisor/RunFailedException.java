package dev.sluice.supervisor;

/** A run did not complete; the message says which process failed, how, and the end of its log. */
public class RunFailedException extends Exception {
    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
