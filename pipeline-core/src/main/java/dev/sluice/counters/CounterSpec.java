package dev.sluice.counters;

/**
 * What one stage needs in the control file: a slot per worker and an input position counter per
 * input queue (for a parallel stage, the claim counter its workers share).
 */
public record CounterSpec(String stageName, int workers, int inputQueues) {
}
