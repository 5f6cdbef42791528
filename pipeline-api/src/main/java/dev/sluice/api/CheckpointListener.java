package dev.sluice.api;

/**
 * An {@link Aggregate} whose output follows its snapshots (Flink's {@code CheckpointListener} idea): a
 * sink writes part files while the run goes and may make one visible only once the snapshot that covers
 * it is saved with its input positions, so that a restart neither loses nor repeats a record.
 */
public interface CheckpointListener {
    /**
     * Asked after every input document: true has the state and input positions saved right away (say a
     * part file is complete), instead of at the next {@code snapshot-every}.
     */
    default boolean checkpointWanted() {
        return false;
    }

    /**
     * The state last written by {@code snapshot} is saved together with its input positions: commit what
     * it covers (rename finished part files). Also called after {@code finish()}, whose state is saved
     * too; a restart after that calls {@code finish()} again on the restored state. Must be idempotent.
     */
    void checkpointSaved() throws Exception;
}
