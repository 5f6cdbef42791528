package dev.sluice.examples.bench;

import dev.sluice.Pipeline;
import dev.sluice.counters.ControlFile;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import dev.sluice.supervisor.JavaCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Resume after kill -9 of a whole word-count run (its supervisor and every stage process) in mid-stream:
 * how soon each resumed stage process is back at work, and the resume against a clean run of the same
 * input. Prints {@code clean-ms N}, per resumed slot {@code launch-to-work-ms SLOT N} (from the resume's
 * start), {@code start-to-work-ms SLOT N} (from the slot's start inside its JVM: queues opened, tails
 * read, claims recovered) and {@code cpu-to-work-ms SLOT N} (CPU time its JVM used until then: what a busy
 * machine does not inflate), then {@code resume-ms N} and {@code exact true|false}.
 * Usage: {@code ResumeAfterKill WORK_DIR CORPUS_FILE [PIPELINE]}.
 */
public final class ResumeAfterKill {
    private ResumeAfterKill() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        Path yaml = Path.of(args.length > 2 ? args[2] : "config/wordcount.yaml");
        long started = System.currentTimeMillis();
        Path runs = work.resolve("runs"); // one work directory: the second run maps the class-data archive of the first
        Pipeline.load(yaml, params(corpus, work.resolve("clean.tsv"))).workDir(runs).run();
        System.out.println("clean-ms " + (System.currentTimeMillis() - started));

        List<Path> earlier = runs(runs);
        Process supervisor = supervisor(yaml, runs, corpus, work.resolve("killed.tsv"));
        Path runDir = await(() -> runs(runs).stream().filter(r -> !earlier.contains(r))
                .filter(r -> Files.exists(r.resolve("control.dat"))).findFirst().orElse(null), supervisor.onExit());
        Map<String, Long> killed = new HashMap<>();
        try (ControlFile control = ControlFile.open(runDir.resolve("control.dat"), false)) {
            await(() -> RunSnapshot.read(control.reader()).sum("count", SlotField.RECORDS_IN) > 100_000 ? true : null,
                    supervisor.onExit());
            supervisor.destroyForcibly();
            for (SlotStatus slot : RunSnapshot.read(control.reader()).slots()) {
                killed.put(slot.slotName(), slot.get(SlotField.PID));
                ProcessHandle.of(slot.get(SlotField.PID)).ifPresent(ProcessHandle::destroyForcibly);
            }
            supervisor.waitFor();
            await(() -> killed.values().stream().noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive)
                    .orElse(false)) ? true : null, new CompletableFuture<>());

            long resumed = System.currentTimeMillis();
            CompletableFuture<?> resume = CompletableFuture.runAsync(() -> {
                try {
                    Pipeline.resume(runDir, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> waiting = new ArrayList<>(killed.keySet());
            while (!waiting.isEmpty() && !resume.isDone()) {
                for (SlotStatus slot : RunSnapshot.read(control.reader()).slots()) {
                    long first = slot.get(SlotField.FIRST_RECORD_MS);
                    boolean back = slot.get(SlotField.PID) != killed.get(slot.slotName()) && first >= resumed;
                    if (waiting.contains(slot.slotName()) && (back || slot.state() == ProcessState.DONE)) {
                        waiting.remove(slot.slotName());
                        if (back) {
                            System.out.println("launch-to-work-ms " + slot.slotName() + " " + (first - resumed));
                            System.out.println("start-to-work-ms " + slot.slotName() + " "
                                    + (first - slot.get(SlotField.STARTED_MS)));
                            System.out.println("cpu-to-work-ms " + slot.slotName() + " " + cpuMillis(slot.get(SlotField.PID)));
                        }
                    }
                }
                Thread.sleep(1);
            }
            resume.join();
            System.out.println("resume-ms " + (System.currentTimeMillis() - resumed));
        }
        System.out.println("exact " + Files.readString(work.resolve("clean.tsv"))
                .equals(Files.readString(work.resolve("killed.tsv"))));
    }

    /** User and system CPU time of a process so far, from /proc (Linux; -1 elsewhere). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
        } catch (Exception e) {
            return -1;
        }
    }

    private static Map<String, String> params(Path corpus, Path output) {
        return Map.of("input", corpus.toString(), "output", output.toString(), "workers", "2");
    }

    private static Process supervisor(Path yaml, Path workDir, Path corpus, Path output) throws Exception {
        List<String> command = new ArrayList<>(JavaCommand.sameClassPath("dev.sluice.cli.SluiceCli", "run",
                yaml.toString(), "-q", "--work-dir", workDir.toString()));
        params(corpus, output).forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<Path> runs(Path workDir) {
        try (var pipelines = Files.list(workDir)) {
            List<Path> all = new ArrayList<>();
            for (Path pipeline : pipelines.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                try (var runs = Files.list(pipeline)) {
                    all.addAll(runs.toList());
                }
            }
            return all;
        } catch (Exception e) {
            return List.of();
        }
    }

    private static <T> T await(java.util.function.Supplier<T> probe, CompletableFuture<?> giveUp) throws Exception {
        long deadline = System.currentTimeMillis() + 600_000;
        T value;
        while ((value = probe.get()) == null) {
            if (giveUp.isDone() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the run ended or took too long");
            }
            Thread.sleep(1);
        }
        return value;
    }
}
