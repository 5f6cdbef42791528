package dev.sluice.supervisor;

import dev.sluice.config.PipelineConfigCodec;
import dev.sluice.config.StageConfig;
import dev.sluice.config.StartMethod;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.outcome.RunFailedException;
import dev.sluice.outcome.RunResult;
import dev.sluice.rundir.RunContext;
import dev.sluice.rundir.RunDirectory;
import dev.sluice.runtime.StageProcessMain;
import dev.sluice.runtime.StandbyScratch;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;
import org.slf4j.Logger;

/**
 * Runs every slot (stage, worker) of a pipeline as its own JVM and keeps it alive: a process that
 * exits with an error, or whose heartbeat is older than its stage's {@code hang-timeout} (thread dump,
 * then kill -9), is restarted with backoff, and resumes from its queues and snapshots. More restarts
 * than the restart intensity allows fail the run. The run succeeds when every slot has finished.
 * Ctrl-C (or any JVM shutdown) stops the children; {@code sluice resume} continues from there.
 *
 * <p>Stage processes are started before the run's queues exist (they are created while the JVMs boot; a new run's
 * are started even before its files are written, {@link FirstLaunches}) and get the resolved configuration on their
 * standard input, then their slot. With {@code start-method: standby} a warmed-up spare process waits to take over
 * the next slot that needs one. The supervisor's thread sleeps until
 * something happens: a process exits, or a deadline falls due (a restart, a heartbeat that may have gone stale,
 * a progress line, a disk check).
 */
public final class Supervisor {
    private static final long STOP_GRACE_MS = 5000;
    /** How often the supervisor's own heartbeat in control.dat is refreshed (`status` calls it silent after 5 s). */
    private static final long BEAT_MS = 1000;
    /** How often another JVM's embedded stage, or slots still starting while a spare waits to start, are looked at. */
    private static final long LOOK_MS = 50;
    private static final Object WAKE = new Object();

    private final RunContext run;
    private final PrintStream progress;
    private final RestartIntensity intensity;
    private final ClassDataArchive classData;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final List<ChildProcess> children = new ArrayList<>();
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final RunLifecycle lifecycle;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Standby standby;
    private final EpochClock clock;
    private final FirstLaunches first;
    private StageCommand command;
    private byte[] encodedConfig;
    private volatile boolean stopping;

    /** One slot's supervision state. */
    private static final class Slot {
        final StageConfig stage;
        final int worker;
        final SlotCounters counters;
        final PoisonEvidence poison;
        final HeartbeatWatch heartbeat;
        final FailureStreak failures = new FailureStreak();
        ChildProcess child;
        long restartAtMs = -1;
        boolean done;

        Slot(StageConfig stage, int worker, SlotCounters counters) {
            this.stage = stage;
            this.worker = worker;
            this.counters = counters;
            this.poison = new PoisonEvidence(counters);
            this.heartbeat = new HeartbeatWatch(counters, stage.settings().hangTimeoutMillis());
        }

        boolean launchedHere() {
            return !done && !stage.embedded();
        }

        /** What grows as the slot works: a failure after it grew is not consecutive to the last. */
        long progress() {
            return counters.get(SlotField.RECORDS_IN).get() + counters.get(SlotField.RECORDS_OUT).get();
        }
    }

    public Supervisor(RunContext run, PrintStream progress) {
        this(run, progress, null);
    }

    /**
     * @param first the run's stage processes, started already (a new run), or null: this supervisor starts them;
     *              the caller stops those it does not take
     */
    public Supervisor(RunContext run, PrintStream progress, FirstLaunches first) {
        this(run, progress, first, SystemEpochClock.INSTANCE);
    }

    /** @param clock the time every decision reads: restarts, heartbeats, beats, disk checks */
    Supervisor(RunContext run, PrintStream progress, FirstLaunches first, EpochClock clock) {
        this.run = run;
        this.clock = clock;
        this.progress = progress;
        this.first = first;
        this.intensity = new RestartIntensity(run.config().supervision());
        this.classData = first != null ? first.classData
                : new ClassDataArchive(run.config().workDir(), StageCommand.classPath(run.config()));
        this.lifecycle = new RunLifecycle(run, clock);
        this.standby = run.config().supervision().startMethod() == StartMethod.STANDBY
                ? new Standby(options -> launch(options, "standby", true)) : null;
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
        long started = clock.time();
        lifecycle.started();
        Thread stopOnShutdown = new Thread(this::stopOnShutdown, "sluice-stop-children");
        Runtime.getRuntime().addShutdownHook(stopOnShutdown);
        try {
            command = first != null ? first.command : new StageCommand(run.config(), run.layout(), classData);
            Map<Slot, ChildProcess> launched = new LinkedHashMap<>();
            for (Map.Entry<String, Slot> entry : slots.entrySet()) {
                Slot slot = entry.getValue();
                if (slot.launchedHere()) {
                    ChildProcess early = first != null ? first.take(entry.getKey()) : null;
                    launched.put(slot, early != null ? adopt(early)
                            : launch(slot.stage.settings().jvmOptions(), entry.getKey(), false));
                }
            }
            encodedConfig = PipelineConfigCodec.encode(run.config()); // while the JVMs boot: they read it first
            launched.values().forEach(child -> child.sendConfig(encodedConfig));
            RunDirectory.createStageFiles(run); // while the stage JVMs boot; they open nothing before their slot
            try (SupervisorLog log = new SupervisorLog(run.layout().logs())) {
                for (Map.Entry<Slot, ChildProcess> start : launched.entrySet()) {
                    assign(start.getKey(), start.getValue(), log.logger());
                }
                supervise(log.logger());
                log.logger().info("run {} completed", run.layout().dir());
            }
            RunResult result = RunResults.collect(run, clock.time() - started);
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

    /**
     * Starts a stage JVM that gets the configuration (at once, or, for the run's first launches, as soon as it is
     * encoded) and its slot later ({@link #assign}).
     */
    private ChildProcess launch(List<String> jvmOptions, String logName, boolean spare) throws IOException {
        return adopt(ChildProcess.launch(command.build(jvmOptions, spare), jvmOptions, run.layout().logs(), logName));
    }

    /** Supervises a started process from now on. */
    private ChildProcess adopt(ChildProcess child) {
        if (encodedConfig != null) {
            child.sendConfig(encodedConfig); // else the first launches get it once it is encoded
        }
        synchronized (children) {
            children.add(child);
        }
        reportExit(child);
        return child;
    }

    /**
     * Queues the child as an event when it exits. A thread of its own waits for it: {@code Process.onExit()} runs its
     * stages on the common pool, which a caller running the supervisor there (a CompletableFuture on 2 cores, Java
     * 21+) would starve, so the exit would never be heard.
     */
    private void reportExit(ChildProcess child) {
        Thread waiter = new Thread(() -> {
            try {
                child.process.waitFor();
            } catch (InterruptedException e) {
                return;
            }
            events.add(child);
        }, "sluice-exit-" + child.process.pid());
        waiter.setDaemon(true);
        waiter.start();
    }

    private void assign(Slot slot, ChildProcess child, Logger log) throws IOException {
        slot.counters.get(SlotField.HEARTBEAT_MS).setRelease(clock.time()); // start-up counts as alive
        slot.counters.state(ProcessState.STARTING);
        child.assign(slot.stage, slot.worker);
        slot.counters.get(SlotField.PID).setRelease(child.process.pid()); // the child sets both again once it runs
        slot.counters.get(SlotField.STARTED_MS).setRelease(clock.time());
        slot.child = child;
        log.info("started {} -> {}", child.name(), child.log().getFileName());
    }

    private void restart(Slot slot, Logger log) throws IOException {
        if (!handOverToSpare(slot, log)) {
            restartIn(slot, launch(slot.stage.settings().jvmOptions(), slot.stage.name() + "-" + slot.worker, false),
                    log);
        }
    }

    /** Gives the slot to a waiting spare, a restart counted; false if there is none. */
    private boolean handOverToSpare(Slot slot, Logger log) throws IOException {
        ChildProcess spare = standby == null ? null : standby.take(slot.stage.settings().jvmOptions());
        if (spare == null) {
            return false;
        }
        restartIn(slot, spare, log);
        log.info("a standby process (pid {}) took over stage '{}' worker {}", spare.process.pid(), slot.stage.name(),
                slot.worker);
        return true;
    }

    /** The slot's restart, counted, in {@code child}. */
    private void restartIn(Slot slot, ChildProcess child, Logger log) throws IOException {
        slot.counters.get(SlotField.RESTARTS).incrementRelease();
        assign(slot, child, log);
    }

    private void supervise(Logger log) throws RunFailedException, InterruptedException, IOException {
        ProgressReporter reporter = new ProgressReporter(progress, run);
        RetentionSweeper retention = new RetentionSweeper(run, log);
        DiskGuard disk = new DiskGuard(run.layout().dir(), run.config().supervision().minFreeDiskBytes());
        long nextBeatMs = 0;
        while (!slots.values().stream().allMatch(s -> s.done)) {
            long now = clock.time();
            long wakeAt = Math.min(nextBeatMs, Math.min(disk.nextCheckMs(), retention.nextSweepMs()));
            if (progress != null) {
                wakeAt = Math.min(wakeAt, reporter.nextReportMs());
            }
            wakeAt = Math.min(wakeAt, slotDeadlines(now));
            for (Object event = events.poll(Math.max(0, wakeAt - now), TimeUnit.MILLISECONDS); event != null;
                 event = events.poll()) {
                if (stopping) {
                    break;
                }
                if (event instanceof ChildProcess exited) {
                    onExit(exited, log);
                }
            }
            if (stopping) {
                throw RunFailedException.stopped("run " + run.layout().dir() + " was stopped; `sluice resume "
                        + run.layout().dir() + "` continues it");
            }
            now = clock.time();
            if (now >= nextBeatMs) {
                lifecycle.beat(now);
                nextBeatMs = now + Math.min(BEAT_MS, run.config().metrics().intervalMillis()); // beats sample metrics
            }
            for (Slot s : slots.values()) {
                if (s.stage.embedded()) {
                    s.done = s.counters.state() == ProcessState.DONE; // another JVM runs it: EmbeddedStage
                } else if (s.restartAtMs >= 0 && now >= s.restartAtMs) {
                    s.restartAtMs = -1;
                    restart(s, log);
                } else if (watched(s)) {
                    checkHeartbeat(s, now, log);
                }
            }
            keepSpares(log);
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

    /**
     * The earliest time a slot needs looking at: a restart that falls due, a heartbeat that would then be too old,
     * an embedded stage that may have finished, slots still starting that hold a spare back.
     */
    private long slotDeadlines(long now) {
        long earliest = Long.MAX_VALUE;
        for (Slot s : slots.values()) {
            if (s.stage.embedded() && !s.done) {
                earliest = Math.min(earliest, now + LOOK_MS);
            } else if (s.restartAtMs >= 0) {
                earliest = Math.min(earliest, s.restartAtMs);
            } else if (watched(s)) {
                earliest = Math.min(earliest, s.heartbeat.nextLookAt(now));
            }
        }
        if (standby != null && standby.missingAny(wantedSpares()) && anyStarting()) {
            earliest = Math.min(earliest, now + LOOK_MS);
        }
        return earliest;
    }

    /** Spares start only when no slot's process is starting: they would compete with it for the cores. */
    private void keepSpares(Logger log) throws IOException {
        if (standby != null && !stopping && !anyStarting()) {
            standby.keep(wantedSpares(), log);
        }
    }

    private boolean anyStarting() {
        return slots.values().stream().anyMatch(s -> s.launchedHere()
                && (s.restartAtMs >= 0 || s.counters.state() == ProcessState.STARTING));
    }

    /** The JVM options of every slot this supervisor may still have to restart. */
    private Set<List<String>> wantedSpares() {
        Set<List<String>> wanted = new HashSet<>();
        for (Slot s : slots.values()) {
            if (s.launchedHere()) {
                wanted.add(s.stage.settings().jvmOptions());
            }
        }
        return wanted;
    }

    private void onExit(ChildProcess child, Logger log) throws RunFailedException, IOException {
        synchronized (children) {
            children.remove(child);
        }
        StandbyScratch.delete(run.layout(), child.process.pid()); // a spare killed while warming up left it
        classData.publish();
        if (child.isStandby()) {
            if (!(standby != null && standby.exited(child, log))) {
                log.info("{} retired", child.name());
            }
            return;
        }
        Slot slot = slots.get(child.stage().name() + "-" + child.worker());
        int code = child.process.exitValue();
        log.info("{} exited with code {}", child.name(), code);
        long now = clock.time();
        ExitDecision decision = ExitDecision.of(code, slot.counters.state(), intensity, slot.failures, slot.progress(),
                now);
        if (decision.verdict() == ExitDecision.Verdict.FINISHED) {
            slot.done = true;
            return;
        }
        slot.counters.state(ProcessState.FAILED);
        slot.poison.exited(code, child.hungInRecord);
        // a spare waiting takes the slot before anything else is done: the slot's input is waiting too
        boolean handedOver = decision.verdict() == ExitDecision.Verdict.RESTART && decision.backoffMillis() == 0
                && handOverToSpare(slot, log);
        String failure = child.failure(run.layout().errors());
        log.error(failure);
        switch (decision.verdict()) {
            case DISK_FULL -> {
                stopAll();
                throw new RunFailedException("run " + run.layout().dir() + " stopped: "
                        + failure.lines().findFirst().orElse("") + "; free some space, then `sluice resume "
                        + run.layout().dir() + "`");
            }
            case FATAL -> {
                stopAll();
                throw new RunFailedException("run " + run.layout().dir() + " failed: " + failure);
            }
            case TOO_MANY_RESTARTS -> {
                stopAll();
                throw new RunFailedException("run " + run.layout().dir() + " failed: more than "
                        + intensity.describe() + "; the last failure: " + failure);
            }
            default -> {
                if (handedOver) {
                    return;
                }
                slot.restartAtMs = now + decision.backoffMillis();
                log.warn("restarting stage '{}' worker {} in {} ms", slot.stage.name(), slot.worker,
                        decision.backoffMillis());
            }
        }
    }

    /** Whether the slot has a live process whose heartbeat is to be watched. */
    private static boolean watched(Slot slot) {
        return slot.child != null && !slot.child.killed && slot.child.process.isAlive();
    }

    private void checkHeartbeat(Slot slot, long now, Logger log) {
        if (slot.heartbeat.hung(now)) {
            String why = "heartbeat " + slot.heartbeat.age(now) + " ms old, over hang-timeout "
                    + slot.heartbeat.limit() + " ms";
            if (slot.child.isStopped()) {
                why += "; it is stopped by a signal, which no record can do";
            } else if (slot.poison.inRecord()) {
                slot.child.hungInRecord = true;
                why += "; in " + slot.poison.record() + ", which counts towards poison-after " + slot.stage.settings().poisonAfter();
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
        events.add(WAKE);
        List<ChildProcess> snapshot;
        synchronized (children) {
            snapshot = new ArrayList<>(children);
        }
        snapshot.forEach(c -> c.process.destroy());
        snapshot.forEach(c -> c.stop(STOP_GRACE_MS));
        snapshot.forEach(c -> StandbyScratch.delete(run.layout(), c.process.pid())); // a spare stopped warming up
    }
}
