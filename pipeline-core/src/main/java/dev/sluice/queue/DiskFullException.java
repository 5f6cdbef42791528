package dev.sluice.queue;

/**
 * Not enough room on disk to write on safely. Thrown before a write, never after half of one: the run
 * stops with this message, and {@code sluice resume} continues once there is room.
 */
public final class DiskFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DiskFullException(String message) {
        super(message);
    }

    public DiskFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code t}, or one of its causes, says the disk is full (ours, or the OS's ENOSPC). */
    public static boolean isDiskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DiskFullException
                    || c instanceof java.io.IOException && String.valueOf(c.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
