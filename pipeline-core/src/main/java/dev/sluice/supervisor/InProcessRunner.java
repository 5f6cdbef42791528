package dev.sluice.supervisor;

import dev.sluice.config.StageConfig;
import dev.sluice.runtime.RunContext;
import dev.sluice.runtime.RunDirectory;
import dev.sluice.runtime.SlotRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.SystemEpochClock;

/**
 * Runs every slot as a thread of this JVM over the same queues and run directory: for debugging,
 * and for the Java API. The first slot that fails stops the others.
 */
public final class InProcessRunner {
    private final RunContext run;
    private final PrintStream progress;
    private final AtomicBoolean stop = new AtomicBoolean();

    public InProcessRunner(RunContext run, PrintStream progress) {
        this.run = run;
        this.progress = progress;
    }

    /** Stops every slot where it is; {@link #run} then throws. */
    public void stop() {
        stop.set(true);
    }

    private boolean allDone() {
        return dev.sluice.counters.RunSnapshot.read(run.counters().reader()).slots().stream()
                .allMatch(s -> s.state() == dev.sluice.counters.ProcessState.DONE);
    }

    public RunResult run() throws RunFailedException, IOException, InterruptedException {
        RunDirectory.createStageFiles(run);
        RunLifecycle lifecycle = new RunLifecycle(run, SystemEpochClock.INSTANCE);
        lifecycle.started();
        try {
            RunResult result = runSlots(lifecycle);
            lifecycle.completed();
            return result;
        } catch (RunFailedException e) {
            lifecycle.failed(e);
            throw e;
        }
    }

    private RunResult runSlots(RunLifecycle lifecycle) throws RunFailedException, IOException, InterruptedException {
        long started = System.currentTimeMillis();
        AtomicReference<RunFailedException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (StageConfig stage : run.config().stages()) {
            for (int w = 0; w < stage.workers(); w++) {
                int worker = w;
                String slot = "stage '" + stage.name() + "' worker " + w;
                Thread thread = new Thread(() -> {
                    try {
                        SlotRunner.run(run, stage, worker, stop::get);
                    } catch (Throwable t) {
                        if (failure.compareAndSet(null, new RunFailedException(
                                "run " + run.layout().dir() + " failed: " + slot + " (in-process) failed: " + t, t))) {
                            stop.set(true);
                        }
                    }
                }, stage.name() + "-" + w);
                thread.setContextClassLoader(run.config().stageLoader());
                threads.add(thread);
            }
        }
        threads.forEach(Thread::start);
        ProgressReporter reporter = new ProgressReporter(progress, run);
        try {
            for (Thread thread : threads) {
                while (thread.isAlive()) {
                    thread.join(ProgressReporter.INTERVAL_MS / 4);
                    reporter.maybeReport();
                    lifecycle.beat(System.currentTimeMillis());
                }
            }
        } finally {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (stop.get() && !allDone()) {
            throw RunFailedException.stopped("run " + run.layout().dir() + " was stopped");
        }
        return RunResults.collect(run, System.currentTimeMillis() - started);
    }
}
