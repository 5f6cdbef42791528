package dev.sluice.rundir;

import dev.sluice.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Where everything of one run lives: {@code <work-dir>/<pipeline>/<run-id>/...}. */
public record RunLayout(Path dir) {
    public Path pipelineYaml() { return dir.resolve("pipeline.yaml"); }

    public Path runProperties() { return dir.resolve("run.properties"); }

    public Path controlFile() { return dir.resolve("control.dat"); }

    /** Why the run failed or stopped, as the supervisor reported it; gone while it runs again. */
    public Path failure() { return dir.resolve("failure.txt"); }

    public Path queues() { return dir.resolve("queues"); }

    public Path queue(String queueName) { return queues().resolve(queueName); }

    public Path logs() { return dir.resolve("logs"); }

    public Path results() { return dir.resolve("results"); }

    /** The aggregate's reported value, as text. */
    public Path result(String stageName) { return results().resolve(stageName + ".txt"); }

    public Path state() { return dir.resolve("state"); }

    public Path dlq() { return dir.resolve("dlq"); }

    /** HdrHistogram interval logs, the supervisor's timeline and events, and summary.json. */
    public Path metrics() { return dir.resolve("metrics"); }

    /** Each slot process's distinct-error log. */
    public Path errors() { return dir.resolve("errors"); }

    /** What {@code sluice report} writes, and every run at its end. */
    public Path report() { return dir.resolve("report.html"); }

    /** The run's shared counters, arrays and semaphores. */
    public Path sharedState() { return state().resolve("shared.dat"); }

    /** One slot's dead letters. */
    public Path deadLetters(String slotName) { return dlq().resolve(slotName); }

    /** An aggregate's state and input positions, saved together. */
    public Path snapshot(String stageName) { return state().resolve(stageName + ".snapshot"); }

    /** One partition's snapshot, of an aggregate with {@code partitions > 1}. */
    public Path snapshot(String stageName, int partition) { return state().resolve(stageName + "-p" + partition + ".snapshot"); }

    /** One partition's final state, written when its inputs have ended, for the last step to merge. */
    public Path finalState(String stageName, int partition) { return state().resolve(stageName + "-p" + partition + ".final"); }

    /** Creates the run directory (and any missing parents) and its sub-directories, private to this user (0700). */
    public void create() throws IOException {
        for (Path p : new Path[] {dir, queues(), logs(), results(), dir.resolve("state"), dir.resolve("dlq"),
                metrics(), errors()}) {
            PrivateFiles.createDirectories(p);
        }
    }
}
