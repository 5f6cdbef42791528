package dev.sluice.api;

/**
 * The I/O-read stage: one process that produces records, like the producer putting items on a
 * Python {@code multiprocessing.Queue}. The runtime appends END (the sentinel) after it is exhausted.
 */
public interface Source<T> extends Stage {
    Codec<T> outputCodec();

    /**
     * Continues after {@code position}, a value this source returned from {@link #position()}.
     * Called after {@link #open} when a run resumes; a fresh run never calls it.
     */
    default void seek(long position) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " cannot resume from a position");
    }

    /**
     * Emits up to {@code max} records, as many as are cheaply available.
     *
     * @return false once the source is exhausted (its last records may be emitted in that same call)
     */
    boolean read(Emitter<T> out, int max) throws Exception;

    /** Where the next {@link #read} continues; what {@link #seek} takes to resume there. */
    long position();
}
