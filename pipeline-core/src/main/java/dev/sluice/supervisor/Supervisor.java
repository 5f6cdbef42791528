package dev.sluice.supervisor;

import dev.sluice.config.StageConfig;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.runtime.RunContext;
import dev.sluice.runtime.StageProcessMain;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Runs every slot (stage, worker) of a pipeline as its own JVM and keeps it alive: a process that
 * exits with an error, or whose heartbeat is older than its stage's {@code hang-timeout} (thread dump,
 * then kill -9), is restarted with backoff, and resumes from its queues and snapshots. More restarts
 * than the restart intensity allows fail the run. The run succeeds when every slot has finished.
 * Ctrl-C (or any JVM shutdown) stops the children; {@code sluice resume} continues from there.
 */
public final class Supervisor {
    private static final long STOP_GRACE_MS = 5000;
    private static final long POLL_MS = 50;
    private static final long STARTUP_ALLOWANCE_MS = 60_000;

    private final RunContext run;
    private final PrintStream progress;
    private final RestartIntensity intensity;
    private final ClassDataArchive classData;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final List<ChildProcess> children = new ArrayList<>();
    private final RunLifecycle lifecycle;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopping;

    /** One slot's supervision state. */
    private static final class Slot {
        final StageConfig stage;
        final int worker;
        final SlotCounters counters;
        final PoisonEvidence poison;
        ChildProcess child;
        int consecutiveFailures;
        long restartAtMs = -1;
        boolean done;

        Slot(StageConfig stage, int worker, SlotCounters counters) {
            this.stage = stage;
            this.worker = worker;
            this.counters = counters;
            this.poison = new PoisonEvidence(counters);
        }
    }

    public Supervisor(RunContext run, PrintStream progress) {
        this.run = run;
        this.progress = progress;
        this.intensity = new RestartIntensity(run.config().supervision());
        this.classData = new ClassDataArchive(run.config().workDir(), ChildProcess.classPath(run));
        this.lifecycle = new RunLifecycle(run);
        for (StageConfig stage : run.config().stages()) {
            for (int w = 0; w < stage.workers(); w++) {
                Slot slot = new Slot(stage, w, run.counters().slot(run.config().indexOf(stage.name()), w));
                slot.done = slot.counters.state() == ProcessState.DONE; // resuming: finished slots stay finished
                slot.counters.get(SlotField.CRASHES).setRelease(0); // and a resume (after a fix, say) retries poison
                slots.put(stage.name() + "-" + w, slot);
            }
        }
    }

    public RunResult run() throws RunFailedException, IOException, InterruptedException {
        long started = System.currentTimeMillis();
        lifecycle.started();
        Thread stopOnShutdown = new Thread(this::stopOnShutdown, "sluice-stop-children");
        Runtime.getRuntime().addShutdownHook(stopOnShutdown);
        try (SupervisorLog log = new SupervisorLog(run.layout().logs())) {
            BlockingQueue<Slot> exited = new LinkedBlockingQueue<>();
            for (Slot slot : slots.values()) {
                if (!slot.done && !slot.stage.embedded()) {
                    start(slot, log.logger(), exited);
                }
            }
            supervise(log.logger(), exited);
            log.logger().info("run {} completed", run.layout().dir());
            RunResult result = RunResults.collect(run, System.currentTimeMillis() - started);
            lifecycle.completed();
            return result;
        } catch (RunFailedException e) {
            lifecycle.failed(e);
            throw e;
        } catch (Exception | Error e) {
            lifecycle.failed(new RunFailedException("run " + run.layout().dir() + " failed: the supervisor failed: " + e, e));
            throw e;
        } finally {
            stopAll();
            classData.publish();
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnShutdown);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private void start(Slot slot, Logger log, BlockingQueue<Slot> exited) throws IOException {
        slot.counters.get(SlotField.HEARTBEAT_MS).setRelease(System.currentTimeMillis()); // start-up counts as alive
        slot.counters.state(ProcessState.STARTING);
        ChildProcess child = ChildProcess.start(run, slot.stage, slot.worker, classData.options());
        slot.counters.get(SlotField.PID).setRelease(child.process.pid()); // the child sets both again once it runs
        slot.counters.get(SlotField.STARTED_MS).setRelease(System.currentTimeMillis());
        slot.child = child;
        synchronized (children) {
            children.add(child);
        }
        log.info("started {} -> {}", child.name(), child.log.getFileName());
        child.process.onExit().thenRun(() -> exited.add(slot));
    }

    private void supervise(Logger log, BlockingQueue<Slot> exited) throws RunFailedException, InterruptedException,
            IOException {
        ProgressReporter reporter = new ProgressReporter(progress, run);
        RetentionSweeper retention = new RetentionSweeper(run, log);
        DiskGuard disk = new DiskGuard(run.layout().dir(), run.config().supervision().minFreeDiskBytes());
        while (!slots.values().stream().allMatch(s -> s.done)) {
            Slot slot = exited.poll(POLL_MS, TimeUnit.MILLISECONDS);
            if (stopping) {
                throw RunFailedException.stopped("run " + run.layout().dir() + " was stopped; `sluice resume "
                        + run.layout().dir() + "` continues it");
            }
            if (slot != null) {
                onExit(slot, log);
            }
            long now = System.currentTimeMillis();
            lifecycle.beat(now);
            for (Slot s : slots.values()) {
                if (s.stage.embedded()) {
                    s.done = s.counters.state() == ProcessState.DONE; // another JVM runs it: EmbeddedStage
                } else if (s.restartAtMs >= 0 && now >= s.restartAtMs) {
                    s.restartAtMs = -1;
                    s.counters.get(SlotField.RESTARTS).incrementRelease();
                    start(s, log, exited);
                } else if (s.child != null && s.child.process.isAlive()) {
                    checkHeartbeat(s, now, log);
                }
            }
            reporter.maybeReport();
            retention.maybeSweep(now);
            String diskFull = disk.check(now);
            if (diskFull != null) {
                log.error(diskFull);
                stopAll();
                throw new RunFailedException("run " + run.layout().dir() + " stopped: " + diskFull);
            }
        }
        retention.sweepNow();
    }

    private void onExit(Slot slot, Logger log) throws RunFailedException {
        ChildProcess child = slot.child;
        int code = child.process.exitValue();
        classData.publish();
        log.info("{} exited with code {}", child.name(), code);
        if (code == 0 && slot.counters.state() == ProcessState.DONE) {
            slot.done = true;
            return;
        }
        String failure = child.failure(run.layout().errors());
        log.error(failure);
        slot.counters.state(ProcessState.FAILED);
        slot.poison.exited(code, child.hungInRecord);
        if (code == StageProcessMain.EXIT_DISK_FULL) {
            stopAll();
            throw new RunFailedException("run " + run.layout().dir() + " stopped: " + failure.lines().findFirst().orElse("")
                    + "; free some space, then `sluice resume " + run.layout().dir() + "`");
        }
        if (code == StageProcessMain.EXIT_FATAL) {
            stopAll();
            throw new RunFailedException("run " + run.layout().dir() + " failed: " + failure);
        }
        long now = System.currentTimeMillis();
        if (!intensity.allow(now)) {
            stopAll();
            throw new RunFailedException("run " + run.layout().dir() + " failed: more than " + intensity.describe()
                    + "; the last failure: " + failure);
        }
        slot.consecutiveFailures++;
        long backoff = intensity.backoffMillis(slot.consecutiveFailures);
        slot.restartAtMs = now + backoff;
        log.warn("restarting stage '{}' worker {} in {} ms", slot.stage.name(), slot.worker, backoff);
    }

    private void checkHeartbeat(Slot slot, long now, Logger log) {
        long age = now - slot.counters.get(SlotField.HEARTBEAT_MS).get();
        // a JVM that is still starting (class loading, opening queues) beats only once its loop runs
        long limit = slot.counters.state() == ProcessState.RUNNING ? slot.stage.hangTimeoutMillis()
                : Math.max(slot.stage.hangTimeoutMillis(), STARTUP_ALLOWANCE_MS);
        if (age > limit) {
            String why = "heartbeat " + age + " ms old, over hang-timeout " + limit + " ms";
            if (slot.child.isStopped()) {
                why += "; it is stopped by a signal, which no record can do";
            } else if (slot.poison.inRecord()) {
                slot.child.hungInRecord = true;
                why += "; in " + slot.poison.record() + ", which counts towards poison-after " + slot.stage.poisonAfter();
            } else {
                why += "; outside any record (open, flush or a snapshot), which accuses none";
            }
            log.warn("{} is hung: {}", slot.child.name(), why);
            slot.counters.get(SlotField.HANGS).incrementRelease();
            slot.child.dumpAndKill(why); // its exit is then handled as a crash: restart
        }
    }

    /** Stops the run: its children are terminated and {@link #run} throws; `sluice resume` can continue it. */
    public void stop() {
        stopAll();
    }

    /** Ctrl-C or SIGTERM: stop the children, then give {@link #run} the moment it needs to record "stopped". */
    private void stopOnShutdown() {
        stopAll();
        try {
            ended.await(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopAll() {
        stopping = true;
        List<ChildProcess> snapshot;
        synchronized (children) {
            snapshot = new ArrayList<>(children);
        }
        snapshot.forEach(c -> c.process.destroy());
        snapshot.forEach(c -> c.stop(STOP_GRACE_MS));
    }
}
