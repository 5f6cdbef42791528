package dev.sluice.api;

/** A configuration mistake; the message starts with {@code file:line:column:} where one is known. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
