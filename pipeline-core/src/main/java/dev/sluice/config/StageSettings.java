package dev.sluice.config;

import java.util.List;

/**
 * The settings every stage has, which a pipeline's {@code defaults:} may set for all stages and a stage may
 * override (read by one method, {@code StageSection.settings}, for both).
 *
 * @param jvmOptions          extra JVM options for the stage's processes ({@code defaults:} first, then the stage's)
 * @param idle                how its duty cycle waits for work
 * @param batchMax            most records in one appended document
 * @param claimSize           parallel only: input documents claimed at a time; {@link #AUTO_CLAIM} adapts it to
 *                            the cost per document
 * @param hangTimeoutMillis   a process whose heartbeat is older than this is dumped, killed and restarted
 * @param snapshotEveryMillis aggregate only: how often state and input positions are snapshotted
 * @param onError             what a record that throws does
 * @param poisonAfter         a record in flight at this many consecutive crashes of its process is dead-lettered
 * @param maxLag              a writer waits while its slowest reader is more than this many documents behind
 */
public record StageSettings(
        List<String> jvmOptions,
        IdleMode idle,
        int batchMax,
        int claimSize,
        long hangTimeoutMillis,
        long snapshotEveryMillis,
        ErrorPolicy onError,
        int poisonAfter,
        long maxLag) {
    /** {@code claim-size: auto}, the default: claims adapt to the measured cost per document. */
    public static final int AUTO_CLAIM = 0;
    public static final StageSettings DEFAULT = new StageSettings(List.of(), IdleMode.BACKOFF, 1024, AUTO_CLAIM,
            30_000, 1_000, ErrorPolicy.FAIL, 3, 10_000);

    public StageSettings {
        jvmOptions = List.copyOf(jvmOptions);
    }
}
