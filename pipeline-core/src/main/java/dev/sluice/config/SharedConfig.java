package dev.sluice.config;

/**
 * One object under {@code shared:}: a {@code counter}, a {@code long-array} of {@code size} longs, a
 * {@code semaphore} of {@code size} permits ({@code lock} is a semaphore of one), or a {@code map} of up
 * to {@code size} entries whose keys and values are {@code keyType} and {@code valueType}
 * ({@code string}, {@code long} or {@code double}); {@code location} is its {@code file:line:column}.
 */
public record SharedConfig(String name, String type, int size, String keyType, String valueType, String location) {
    /** How many 8-byte slots it takes in the shared state file (maps have files of their own). */
    public int slots() {
        return switch (type) {
            case "counter", "lock" -> 1;
            case "map" -> 0;
            default -> size;
        };
    }
}
