package dev.sluice.supervisor;

import dev.sluice.config.StageConfig;
import dev.sluice.runtime.RunContext;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Runs every slot of a pipeline as its own JVM and waits for them: the run succeeds when every
 * process exits 0 and fails, stopping the others, as soon as one exits otherwise. Ctrl-C (or any
 * JVM shutdown) stops the children too.
 */
public final class Supervisor {
    private static final long STOP_GRACE_MS = 5000;

    private final RunContext run;
    private final PrintStream progress;
    private final List<ChildProcess> children = new ArrayList<>();

    public Supervisor(RunContext run, PrintStream progress) {
        this.run = run;
        this.progress = progress;
    }

    public RunResult run() throws RunFailedException, IOException, InterruptedException {
        long started = System.currentTimeMillis();
        Thread stopOnShutdown = new Thread(this::stopAll, "sluice-stop-children");
        Runtime.getRuntime().addShutdownHook(stopOnShutdown);
        try (SupervisorLog log = new SupervisorLog(run.layout().logs())) {
            BlockingQueue<ChildProcess> exited = new LinkedBlockingQueue<>();
            startAll(log.logger(), exited);
            waitForAll(log.logger(), exited);
            log.logger().info("run {} completed", run.layout().dir());
            return RunResults.collect(run, System.currentTimeMillis() - started);
        } finally {
            stopAll();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnShutdown);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private void startAll(Logger log, BlockingQueue<ChildProcess> exited) throws IOException {
        for (StageConfig stage : run.config().stages()) {
            for (int w = 0; w < stage.workers(); w++) {
                ChildProcess child = ChildProcess.start(run, stage, w);
                synchronized (children) {
                    children.add(child);
                }
                log.info("started {} -> {}", child.name(), child.log.getFileName());
                child.process.onExit().thenRun(() -> exited.add(child));
            }
        }
    }

    private void waitForAll(Logger log, BlockingQueue<ChildProcess> exited)
            throws RunFailedException, InterruptedException {
        ProgressReporter reporter = new ProgressReporter(progress, run.counters());
        int running = children.size();
        while (running > 0) {
            ChildProcess child = exited.poll(ProgressReporter.INTERVAL_MS / 4, TimeUnit.MILLISECONDS);
            reporter.maybeReport();
            if (child == null) {
                continue;
            }
            running--;
            int code = child.process.exitValue();
            log.info("{} exited with code {}", child.name(), code);
            if (code != 0) {
                String failure = child.failure();
                log.error(failure);
                stopAll();
                throw new RunFailedException("run " + run.layout().dir() + " failed: " + failure);
            }
        }
    }

    private void stopAll() {
        List<ChildProcess> snapshot;
        synchronized (children) {
            snapshot = new ArrayList<>(children);
        }
        snapshot.forEach(c -> c.process.destroy());
        snapshot.forEach(c -> c.stop(STOP_GRACE_MS));
    }
}
