package dev.sluice.api;

/** Lifecycle shared by every stage: {@code open} once before any record, {@code close} once at the end. */
public interface Stage extends AutoCloseable {
    /**
     * Checks this stage's options before anything starts ({@code sluice validate}, and {@code run} or
     * {@code resume} before they create or touch a run directory): throw {@link Options#error} for a value
     * that cannot work, such as an input file that does not exist. It runs on an instance made only for the
     * check, in the command's JVM, and must not acquire anything; {@code open} checks again when it runs.
     */
    default void validate(Options options) throws Exception {
    }

    /** Reads options and acquires resources. */
    default void open(StageContext context) throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
