package dev.sluice.runtime;

import dev.sluice.queue.DocumentReader;

/** How an aggregate picks the next document among its input queues. */
interface InputMerge {
    /**
     * Opens the next document to consume, or returns null if none is ready. An END is consumed here
     * and never returned.
     */
    DocumentReader next();

    /** True once every input has ended. */
    boolean allEnded();
}
