package dev.sluice.api;

import java.nio.file.Path;
import org.slf4j.Logger;

/** What a stage knows about where it runs. */
public interface StageContext {
    String pipelineName();

    String stageName();

    /** 0-based index of this worker within its stage. */
    int workerIndex();

    int workerCount();

    Options options();

    /** A logger named after this stage and worker; it writes into this process's log file. */
    Logger logger();

    /** The run directory: {@code <work-dir>/<pipeline>/<run-id>}. */
    Path runDirectory();

    /** Counters, arrays and semaphores shared with every other process of the run ({@code shared:} in YAML). */
    SharedState shared();

    /**
     * The largest record, encoded, that a queue carries ({@code queues.max-record-size} in YAML). A source
     * may check it while reading, to fail with the record's position rather than after reading it whole.
     */
    default long maxRecordSize() {
        return 256L << 20;
    }
}
