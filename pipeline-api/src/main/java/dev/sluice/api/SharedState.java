package dev.sluice.api;

/** The run's shared objects, declared under {@code shared:} in YAML, by name. */
public interface SharedState {
    SharedLong counter(String name);

    SharedLongArray longArray(String name);

    SharedSemaphore semaphore(String name);

    /**
     * A map shared by every process (Python's {@code Manager().dict()}, without the proxy process): a
     * Chronicle Map persisted in {@code state/}. Keys and values are the YAML's {@code key}/{@code value}
     * types: String, Long or Double.
     */
    <K, V> java.util.concurrent.ConcurrentMap<K, V> map(String name, Class<K> keyType, Class<V> valueType);
}
