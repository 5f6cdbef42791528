package dev.sluice.counters;

/**
 * What one stage needs in the control file: a slot per worker and, for a parallel stage, a claim
 * counter per input queue.
 */
public record CounterSpec(String stageName, int workers, int claimQueues) {
}
