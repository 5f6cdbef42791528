package dev.sluice.runtime;

/**
 * A stage's work, one duty cycle at a time (as Agrona's {@code Agent}): {@link #doWork} does what
 * is ready and returns how much, so the loop's idle strategy can back off when it returns 0.
 */
interface StageAgent {
    void onStart() throws Exception;

    int doWork() throws Exception;

    /** True once the agent has written its END (or its result) and has nothing more to do. */
    boolean isDone();

    void onClose() throws Exception;
}
