package dev.sluice.api;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The serial stage: one process that reduces every record of its inputs into state and writes the
 * final result, like the main process consuming results in Python.
 */
public interface Aggregate<I> extends Stage {
    Codec<I> inputCodec();

    void accept(I record) throws Exception;

    /**
     * Every input has ended: write the result (a file, say) and return the value a run reports.
     * Write files through a temp file and an atomic rename so a crash never leaves half a result.
     */
    Object finish() throws Exception;

    /**
     * Whether this aggregate saves its state with {@link #snapshot} (and reads it back with {@link #restore}).
     * One that does not is replayed from the start of its inputs after a restart. By default, whether the
     * class overrides {@link #snapshot}; say so explicitly when it does. An exception thrown by
     * {@link #snapshot} of an aggregate that snapshots is a failure like any other: it is never taken to
     * mean "cannot snapshot".
     */
    default boolean snapshots() {
        try {
            return getClass().getMethod("snapshot", OutputStream.class).getDeclaringClass() != Aggregate.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("Aggregate.snapshot is public", e);
        }
    }

    /** Writes the state, so a restarted aggregate can continue from it (only called if {@link #snapshots}). */
    default void snapshot(OutputStream out) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not snapshot its state");
    }

    /** Replaces the state with one written by {@link #snapshot}. */
    default void restore(InputStream in) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not restore its state");
    }

    /**
     * Adds another instance's state, as its {@link #snapshot} wrote it, to this one's. With
     * {@code partitions: N} every partition reduces the records whose keys hash to it; the last step
     * merges the N states into one and calls {@link #finish} on it (a MapReduce reducer's output).
     */
    default void merge(InputStream otherSnapshot) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " cannot merge partitions");
    }
}
