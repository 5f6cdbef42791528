package dev.sluice.api;

/** A long shared by every process of a run (Python's {@code Value('l')}), atomic without a lock. */
public interface SharedLong {
    long get();

    void set(long value);

    long addAndGet(long delta);

    boolean compareAndSet(long expected, long value);
}
