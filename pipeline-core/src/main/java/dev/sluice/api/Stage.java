package dev.sluice.api;

/** Lifecycle shared by every stage: {@code open} once before any record, {@code close} once at the end. */
public interface Stage extends AutoCloseable {
    /** Reads options and acquires resources. */
    default void open(StageContext context) throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
