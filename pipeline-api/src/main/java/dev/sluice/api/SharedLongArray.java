package dev.sluice.api;

/** A fixed array of longs shared by every process of a run (Python's {@code Array('l', n)}). */
public interface SharedLongArray {
    int length();

    long get(int index);

    void set(int index, long value);

    long addAndGet(int index, long delta);

    boolean compareAndSet(int index, long expected, long value);
}
