package dev.sluice.config;

/**
 * One object under {@code shared:}: a {@code counter}, a {@code long-array} of {@code size} longs, or a
 * {@code semaphore} of {@code permits} ({@code lock} is a semaphore of one).
 */
public record SharedConfig(String name, String type, int size) {
    /** How many 8-byte slots it takes in the shared state file. */
    public int slots() {
        return type.equals("counter") || type.equals("lock") ? 1 : size;
    }
}
