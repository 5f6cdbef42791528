package dev.sluice.examples.bench;

import dev.sluice.Pipeline;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Start-up and recovery times of config/transport.yaml: from {@code Pipeline.run()} to the aggregate's first
 * record, then KILLS times a kill -9 of the worker to its replacement's first record (with {@code standby}, each
 * kill waits for the spare to be ready first). Prints {@code startup-ms N}, one {@code recovery-ms N} per kill and,
 * with {@code standby}, {@code standby-rss-kb N} (a ready spare's resident memory) and {@code worker-rss-kb N}.
 * Usage: {@code StartupAndRecovery WORK_DIR PIPELINE spawn|standby KILLS}.
 */
public final class StartupAndRecovery {
    private StartupAndRecovery() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path yaml = Path.of(args[1]);
        boolean standby = args[2].equals("standby");
        int kills = Integer.parseInt(args[3]);
        Pipeline pipeline = Pipeline.load(yaml, Map.of("n", "2000000000", "start-method", args[2]), List.of(),
                work); // loaded (and validated) once, before the clock starts
        Set<Path> earlier = new HashSet<>(list(work.resolve("transport")));
        long launched = System.currentTimeMillis();
        CompletableFuture<?> run = CompletableFuture.runAsync(() -> {
            try {
                pipeline.run();
            } catch (Exception stopped) {
                // we stop it ourselves
            }
        });
        try {
            Path runDir = await(() -> list(work.resolve("transport")).stream().filter(r -> !earlier.contains(r))
                    .filter(r -> Files.exists(r.resolve("control.dat"))).findFirst().orElse(null), run);
            try (ControlFile file = ControlFile.open(runDir.resolve("control.dat"), false)) {
                SlotStatus first = awaitSlot(file, "total-0", s -> s.get(SlotField.FIRST_RECORD_MS) > 0, run);
                System.out.println("startup-ms " + (first.get(SlotField.FIRST_RECORD_MS) - launched));
                printTimeline(file, launched, run);
                for (int i = 0; i < kills; i++) {
                    SlotStatus worker = awaitSlot(file, "pass-0", s -> s.get(SlotField.RECORDS_IN) > 1_000_000, run);
                    if (standby) {
                        long spare = await(() -> readySpare(runDir), run);
                        if (i == 0) {
                            System.out.println("standby-rss-kb " + rssKb(spare));
                            System.out.println("worker-rss-kb " + rssKb(worker.get(SlotField.PID)));
                        }
                    }
                    long pid = worker.get(SlotField.PID);
                    long killed = System.currentTimeMillis();
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    SlotStatus back = awaitSlot(file, "pass-0", s -> s.get(SlotField.PID) != pid
                            && s.get(SlotField.FIRST_RECORD_MS) >= killed, run);
                    System.out.println("recovery-ms " + (back.get(SlotField.FIRST_RECORD_MS) - killed));
                }
            }
        } finally {
            pipeline.stop();
            run.join();
        }
    }

    /**
     * Where the start-up went, per slot, in ms after {@code Pipeline.run()}: its process started (from /proc, to
     * 10 ms), its slot began to run in it, and its first record; once every slot has had its first record.
     */
    private static void printTimeline(ControlFile file, long launched, CompletableFuture<?> run)
            throws InterruptedException {
        await(() -> RunSnapshot.read(file.reader()).slots().stream().allMatch(s -> s.get(SlotField.FIRST_RECORD_MS) > 0)
                ? Boolean.TRUE : null, run);
        for (SlotStatus slot : RunSnapshot.read(file.reader()).slots()) {
            long spawned = ProcessHandle.of(slot.get(SlotField.PID)).flatMap(p -> p.info().startInstant())
                    .map(i -> i.toEpochMilli() - launched).orElse(-1L);
            System.out.println("timeline " + slot.slotName() + " process-started-ms " + spawned + " slot-running-ms "
                    + (slot.get(SlotField.STARTED_MS) - launched) + " first-record-ms "
                    + (slot.get(SlotField.FIRST_RECORD_MS) - launched));
        }
    }

    /** A live standby process that has warmed up (logs/standby-PID.log says "ready"); null if none. */
    private static Long readySpare(Path runDir) {
        for (Path log : list(runDir.resolve("logs"))) {
            String name = log.getFileName().toString();
            if (name.startsWith("standby-") && name.endsWith(".log")) {
                long pid = Long.parseLong(name.substring("standby-".length(), name.length() - 4));
                try {
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                            && Files.readString(log).contains("ready")) {
                        return pid;
                    }
                } catch (IOException renamedMeanwhile) {
                    // it has just taken a slot
                }
            }
        }
        return null;
    }

    private static long rssKb(long pid) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(-1L);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static SlotStatus awaitSlot(ControlFile file, String slot, Predicate<SlotStatus> condition,
                                        CompletableFuture<?> run) throws InterruptedException {
        return await(() -> RunSnapshot.read(file.reader()).slots().stream()
                .filter(s -> s.slotName().equals(slot) && condition.test(s)).findFirst().orElse(null), run);
    }

    private static <T> T await(Supplier<T> probe, CompletableFuture<?> run) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
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
