package dev.sluice.api;

/**
 * A {@link Source} that writes records through a {@link RecordWriter} rather than as objects: the
 * built-in {@code lines} copies each line's bytes from the file into the queue without decoding them.
 * Positions work as {@link Source}'s do.
 */
public interface BatchSource extends Stage {
    /**
     * Writes up to {@code max} records, as many as are cheaply available.
     *
     * @return false once the source is exhausted (its last records may be written in that same call)
     */
    boolean read(RecordWriter out, int max) throws Exception;

    /** Where the next {@link #read} continues; what {@link #seek} takes to resume there. */
    long position();

    /** Continues after {@code position}, a value {@link #position()} returned; called after open on a resume. */
    default void seek(long position) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " cannot resume from a position");
    }
}
