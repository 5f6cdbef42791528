package dev.sluice.api;

/**
 * Optional, for a {@link Source} that knows how much input it has (files, a range): Sluice then shows how far
 * the run has got, as a percentage with an estimated time to go. Sizes are in units of the source's choosing
 * (bytes for files, numbers for a range). Both are called on the source's own thread, after {@code open} and
 * after each {@code read}.
 */
public interface SizedSource {
    /** Input in all; 0 or less if not known. */
    long size();

    /** How much of it has been read, at most {@link #size()}. */
    long done();
}
