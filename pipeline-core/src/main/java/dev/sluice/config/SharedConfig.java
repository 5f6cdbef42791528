package dev.sluice.config;

/**
 * One object under {@code shared:}: a {@code counter}, a {@code long-array} of {@code size} longs, a
 * {@code semaphore} of {@code size} permits ({@code lock} is a semaphore of one), or a {@code map} of up
 * to {@code size} entries whose keys and values are {@code keyType} and {@code valueType};
 * {@code location} is its {@code file:line:column}.
 */
public record SharedConfig(String name, SharedType type, int size, SharedMapType keyType, SharedMapType valueType,
                           String location) {
    /** How many 8-byte slots it takes in the shared state file (maps have files of their own). */
    public int slots() {
        return switch (type) {
            case COUNTER, LOCK -> 1;
            case MAP -> 0;
            case LONG_ARRAY, SEMAPHORE -> size;
        };
    }
}
