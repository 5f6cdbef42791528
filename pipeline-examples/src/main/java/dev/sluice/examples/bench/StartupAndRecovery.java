package dev.sluice.examples.bench;

import dev.sluice.Pipeline;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Start-up and recovery times of config/transport.yaml: from {@code Pipeline.run()} to the aggregate's first
 * record, and from a kill -9 of the worker to its replacement's first record. Prints
 * {@code startup-ms N} and {@code recovery-ms N}. Usage: {@code StartupAndRecovery WORK_DIR [PIPELINE]}.
 */
public final class StartupAndRecovery {
    private StartupAndRecovery() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path yaml = Path.of(args.length > 1 ? args[1] : "config/transport.yaml");
        Pipeline pipeline = Pipeline.load(yaml, Map.of("n", "2000000000")).workDir(work);
        java.util.Set<Path> earlier = new java.util.HashSet<>(list(work.resolve("transport")));
        long launched = System.currentTimeMillis();
        CompletableFuture<?> run = CompletableFuture.runAsync(() -> {
            try {
                pipeline.run();
            } catch (Exception stopped) {
                // we stop it ourselves
            }
        });
        try {
            Path control = await(() -> list(work.resolve("transport")).stream().filter(r -> !earlier.contains(r))
                    .map(r -> r.resolve("control.dat")).filter(Files::exists).findFirst().orElse(null), run);
            try (ControlFile file = ControlFile.open(control, false)) {
                SlotStatus first = awaitSlot(file, "total-0", s -> s.get(SlotField.FIRST_RECORD_MS) > 0, run);
                System.out.println("startup-ms " + (first.get(SlotField.FIRST_RECORD_MS) - launched));

                SlotStatus worker = awaitSlot(file, "pass-0", s -> s.get(SlotField.RECORDS_IN) > 1_000_000, run);
                long pid = worker.get(SlotField.PID);
                long killed = System.currentTimeMillis();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                SlotStatus back = awaitSlot(file, "pass-0", s -> s.get(SlotField.PID) != pid
                        && s.get(SlotField.FIRST_RECORD_MS) >= killed, run);
                System.out.println("recovery-ms " + (back.get(SlotField.FIRST_RECORD_MS) - killed));
            }
        } finally {
            pipeline.stop();
            run.join();
        }
    }

    private static java.util.List<Path> list(Path dir) {
        try (var runs = Files.list(dir)) {
            return runs.toList();
        } catch (Exception e) {
            return java.util.List.of();
        }
    }

    private static SlotStatus awaitSlot(ControlFile file, String slot, Predicate<SlotStatus> condition,
                                        CompletableFuture<?> run) throws InterruptedException {
        return await(() -> RunSnapshot.read(file.reader()).slots().stream()
                .filter(s -> s.slotName().equals(slot) && condition.test(s)).findFirst().orElse(null), run);
    }

    private static <T> T await(java.util.function.Supplier<T> probe, CompletableFuture<?> run) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        T value;
        while ((value = probe.get()) == null) {
            if (run.isDone() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the run ended or took too long");
            }
            Thread.sleep(1);
        }
        return value;
    }
}
