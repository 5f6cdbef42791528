package dev.sluice.api;

/** The run's shared objects, declared under {@code shared:} in YAML, by name. */
public interface SharedState {
    SharedLong counter(String name);

    SharedLongArray longArray(String name);

    SharedSemaphore semaphore(String name);
}
