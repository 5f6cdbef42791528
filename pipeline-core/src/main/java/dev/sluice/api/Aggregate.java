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

    /** Writes the state, so a restarted aggregate can continue from it. */
    default void snapshot(OutputStream out) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not snapshot its state");
    }

    /** Replaces the state with one written by {@link #snapshot}. */
    default void restore(InputStream in) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not restore its state");
    }
}
