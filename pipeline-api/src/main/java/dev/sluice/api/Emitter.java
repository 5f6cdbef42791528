package dev.sluice.api;

/** Where a stage puts its output records. */
@FunctionalInterface
public interface Emitter<T> {
    void emit(T record);
}
