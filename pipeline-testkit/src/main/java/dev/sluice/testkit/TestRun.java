package dev.sluice.testkit;

import dev.sluice.supervisor.RunResult;
import dev.sluice.supervisor.StageStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A completed test run: each aggregate's value, each stage's counts, and the run directory with its files. */
public record TestRun(RunResult result) {
    /** The run directory: queues, logs, results, and the output files the pipeline wrote there by default. */
    public Path runDirectory() {
        return result.runDirectory();
    }

    /** The value of the only aggregate, or of the last one ({@code finish()}'s value as text). */
    public String value() {
        return result.value();
    }

    /** The value of aggregate {@code stage}. */
    public String value(String stage) {
        String value = result.values().get(stage);
        if (value == null) {
            throw new IllegalArgumentException("no aggregate " + stage + " in " + result.values().keySet());
        }
        return value;
    }

    /** How many records stage {@code stage} took in, over all its workers. */
    public long recordsIn(String stage) {
        return result.stage(stage).recordsIn();
    }

    /** How many records stage {@code stage} emitted, over all its workers. */
    public long recordsOut(String stage) {
        return result.stage(stage).recordsOut();
    }

    public List<StageStats> stages() {
        return result.stages();
    }

    /** The lines of a file, relative to the run directory (an aggregate's output written to {@code ${run-dir}}). */
    public List<String> lines(String file) {
        try {
            return Files.readAllLines(runDirectory().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
