package dev.sluice.examples;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.Pipeline;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import dev.sluice.outcome.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A pipeline running in the background of a test, watched through its control file from outside,
 * as {@code sluice status} would: wait for a state, then act on a process.
 */
final class LiveRun implements AutoCloseable {
    static final long DEADLINE_MS = 90_000;

    private final Pipeline pipeline;
    private final CompletableFuture<RunResult> result;
    private final Path runDirectory;
    private final ControlFile control;

    private LiveRun(Pipeline pipeline, CompletableFuture<RunResult> result, Path runDirectory) {
        this.pipeline = pipeline;
        this.result = result;
        this.runDirectory = runDirectory;
        this.control = ControlFile.open(runDirectory.resolve("control.dat"), false);
    }

    /** Starts {@code pipeline} in the background and waits for its run directory. */
    static LiveRun start(Pipeline pipeline, Path pipelineWorkDir) throws Exception {
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return pipeline.run();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        await(() -> runDirectoryIn(pipelineWorkDir) != null, result);
        LiveRun run = new LiveRun(pipeline, result, runDirectoryIn(pipelineWorkDir));
        await(() -> !RunSnapshot.read(run.control.reader()).slots().isEmpty(), result);
        return run;
    }

    Path runDirectory() {
        return runDirectory;
    }

    SlotStatus slot(String name) {
        return RunSnapshot.read(control.reader()).slots().stream().filter(s -> s.slotName().equals(name))
                .findFirst().orElseThrow();
    }

    /** Waits until the slot's counters satisfy {@code condition}. */
    SlotStatus awaitSlot(String name, Predicate<SlotStatus> condition) throws Exception {
        await(() -> condition.test(slot(name)), result);
        return slot(name);
    }

    /** kill -9 of the slot's process, once it is running and {@code condition} holds; returns its pid. */
    long killWhen(String name, Predicate<SlotStatus> condition) throws Exception {
        SlotStatus slot = awaitSlot(name, s -> s.state().label().equals("running") && condition.test(s)
                && ProcessHandle.of(s.get(SlotField.PID)).map(ProcessHandle::isAlive).orElse(false));
        long pid = slot.get(SlotField.PID);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        return pid;
    }

    RunResult result() throws Exception {
        return result.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
    }

    CompletableFuture<RunResult> future() {
        return result;
    }

    /** Stops the run if a failed test left it going, and waits for it, so no process outlives the test. */
    @Override
    public void close() throws Exception {
        pipeline.stop();
        try {
            result.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
        } catch (Exception stoppedOrFailed) {
            // the test has already said what went wrong
        } finally {
            control.close();
        }
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Path runDirectoryIn(Path pipelineWorkDir) {
        try (var runs = Files.list(pipelineWorkDir)) {
            return runs.filter(r -> Files.exists(r.resolve("control.dat"))).findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    /** Waits for a condition with a deadline, giving up early if the run has ended. */
    static void await(java.util.function.BooleanSupplier condition, CompletableFuture<?> run) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (run.isDone()) {
                run.get();
                if (!condition.getAsBoolean()) {
                    fail("the run ended before the awaited condition held");
                }
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                fail("condition not met within " + DEADLINE_MS + " ms");
            }
            Thread.sleep(10); // the polling interval of a deadline wait, not a stand-in for synchronisation
        }
    }
}
