package dev.sluice.outcome;

/** A run did not complete; the message says which process failed, how, and the end of its log. */
public class RunFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean stopped;

    public RunFailedException(String message) {
        this(message, null, false);
    }

    public RunFailedException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private RunFailedException(String message, Throwable cause, boolean stopped) {
        super(message, cause);
        this.stopped = stopped;
    }

    /** The run was stopped on request (Ctrl-C, SIGTERM, {@code Pipeline.stop()}); `sluice resume` continues it. */
    public static RunFailedException stopped(String message) {
        return new RunFailedException(message, null, true);
    }

    public boolean stopped() {
        return stopped;
    }
}
