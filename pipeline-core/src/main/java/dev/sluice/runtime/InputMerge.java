package dev.sluice.runtime;

import dev.sluice.queue.DocumentReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** How an aggregate picks the next document among its input queues. */
interface InputMerge {
    /**
     * Opens the next document to consume, or returns null if none is ready. An END is consumed here
     * and never returned.
     */
    DocumentReader next();

    /** True once every input has ended. */
    boolean allEnded();

    /** Writes what the merge knows beyond its readers' positions (which inputs ended, what comes next). */
    void save(DataOutputStream out) throws IOException;

    void load(DataInputStream in) throws IOException;
}
