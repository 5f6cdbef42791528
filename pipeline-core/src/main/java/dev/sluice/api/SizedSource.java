package dev.sluice.api;

/**
 * Optional, for a {@link Source} that knows how much input it has (files, say): Sluice then shows how far
 * the run has got, as a percentage with an estimated time to go. Both are called on the source's own
 * thread, after {@code open} and after each {@code read}.
 */
public interface SizedSource {
    /** Bytes of input in all; 0 or less if not known. */
    long totalBytes();

    /** Bytes of it read so far, at most {@link #totalBytes()}. */
    long bytesRead();
}
