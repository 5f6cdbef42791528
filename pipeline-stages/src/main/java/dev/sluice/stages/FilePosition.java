package dev.sluice.stages;

/**
 * A file source's resume position in one long: the file's index in the sorted input list and the byte
 * offset in it, {@code fileIndex << 40 | offset} (files up to 1 TiB, about 8 million files).
 */
final class FilePosition {
    private static final int OFFSET_BITS = 40;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

    private FilePosition() {
    }

    static long of(int fileIndex, long offset) {
        if (offset > OFFSET_MASK) {
            throw new IllegalStateException("file offset " + offset + " is past 1 TiB");
        }
        return ((long) fileIndex << OFFSET_BITS) | offset;
    }

    static int fileIndex(long position) {
        return (int) (position >>> OFFSET_BITS);
    }

    static long offset(long position) {
        return position & OFFSET_MASK;
    }
}
