package dev.sluice.api;

/**
 * An input that no restart can mend, such as a corrupt or truncated file. A stage that throws it fails
 * the run at once with its message, where any other exception has its process restarted.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
