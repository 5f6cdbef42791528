package dev.sluice.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.Pipeline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real session cluster started by {@code scripts/flink-cluster} (a JobManager and two TaskManagers,
 * each its own JVM), and {@code scripts/sluice run --engine flink} against it: a TaskManager killed -9
 * mid-job, a replacement started as a process manager would, and the word count still exact.
 */
@Tag("slow")
@Tag("process")
class FlinkClusterTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final List<ProcessHandle> clusterJvms = new ArrayList<>();

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void wordCountStaysExactWhenATaskManagerIsKilledMidJobAndReplaced() throws Exception {
        Path input = words(dir.resolve("words.txt"), 200_000);
        Path output = dir.resolve("wordcount.tsv");
        Path workDir = dir.resolve("runs");
        int restPort = freePort();
        ProcessBuilder cluster = clusterCommand(restPort, "start", "--taskmanagers", "2");
        assertEquals(0, run(cluster, dir.resolve("start.log")), () -> "cluster start failed: " + read(dir.resolve("start.log")));
        rememberClusterJvms();

        ProcessBuilder command = new ProcessBuilder(ROOT.resolve("scripts/sluice").toString(), "run",
                ROOT.resolve("config/wordcount.yaml").toString(), "--engine", "flink", "--flink", "localhost:" + restPort,
                "--work-dir", workDir.toString(), "--set", "input=" + input, "--set", "output=" + output,
                "--set", "workers=2", "--set", "checkpoint-interval=300ms");
        // scripts/sluice on this build's class path: it builds nothing then
        command.environment().put("SLUICE_CLASSPATH", System.getProperty("java.class.path"));
        Process sluice = command.redirectErrorStream(true).redirectOutput(dir.resolve("sluice.log").toFile()).start();
        sluice.getOutputStream().close();
        awaitCompletedCheckpoint(workDir, sluice, dir.resolve("sluice.log"));
        long victim = Long.parseLong(Files.readString(dir.resolve("cluster/pids/taskmanager-1.pid")).trim());
        assertTrue(ProcessHandle.of(victim).orElseThrow().destroyForcibly(), "kill -9 the TaskManager");
        assertEquals(0, run(clusterCommand(restPort, "add-taskmanager"), dir.resolve("replacement.log")));
        rememberClusterJvms();

        assertTrue(sluice.waitFor(180, TimeUnit.SECONDS), "the run did not end");
        assertEquals(0, sluice.exitValue(), Files.readString(dir.resolve("sluice.log")));
        assertTrue(restartedOnce(restPort), "the kill landed after the job ended; sluice said:\n"
                + Files.readString(dir.resolve("sluice.log")));
        Path expected = dir.resolve("expected.tsv");
        Pipeline.load(ROOT.resolve("config/wordcount.yaml"), Map.of("input", input.toString(), "output",
                expected.toString(), "workers", "2")).workDir(dir.resolve("local")).inProcess(true).run();
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(output));
    }

    @AfterEach
    void stopClusterAndLeaveNoJvm() throws Exception {
        run(clusterCommand(0, "stop"), dir.resolve("stop.log"));
        for (ProcessHandle jvm : clusterJvms) {
            assertTrue(jvm.onExit().get(30, TimeUnit.SECONDS) != null && !jvm.isAlive(), "left running: " + jvm.pid());
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertTrue(all.noneMatch(p -> p.info().commandLine().orElse("").contains(dir.resolve("cluster").toString())),
                    "a JVM of the cluster is still running");
        }
    }

    private ProcessBuilder clusterCommand(int restPort, String... args) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("scripts/flink-cluster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("FLINK_CLUSTER_DIR", dir.resolve("cluster").toString());
        if (restPort > 0) {
            builder.environment().put("FLINK_REST_PORT", Integer.toString(restPort));
            builder.environment().put("FLINK_RPC_PORT", Integer.toString(freePort()));
        }
        return builder;
    }

    private static int run(ProcessBuilder command, Path log) throws Exception {
        Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.command() + " did not end: " + Files.readString(log));
        }
        return process.exitValue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void rememberClusterJvms() throws IOException {
        try (Stream<Path> pids = Files.list(dir.resolve("cluster/pids"))) {
            for (Path pid : pids.toList()) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(clusterJvms::add);
            }
        }
    }

    private static void awaitCompletedCheckpoint(Path workDir, Process run, Path runLog) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(run.isAlive(), () -> "the run ended before any checkpoint; sluice said:\n" + read(runLog));
            if (Files.exists(workDir)) {
                try (Stream<Path> files = Files.walk(workDir)) {
                    if (files.anyMatch(f -> f.getFileName().toString().equals("_metadata"))) {
                        return;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling a condition with a deadline
        }
        throw new AssertionError("no checkpoint completed within 120 s");
    }

    /** Whether the cluster's one finished job recorded a failure (and so recovered from one). */
    private static boolean restartedOnce(int restPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String jobs = get(http, restPort, "/jobs/overview");
        Matcher job = Pattern.compile("\"jid\":\"([0-9a-f]+)\"").matcher(jobs);
        assertTrue(job.find(), jobs);
        String exceptions = get(http, restPort, "/jobs/" + job.group(1) + "/exceptions");
        return exceptions.contains("\"entries\":[{");
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Path words(Path file, int lines) throws IOException {
        Random random = new Random(13);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                for (int w = 0; w < 10; w++) {
                    out.write(w == 0 ? "" : " ");
                    out.write("w" + random.nextInt(5000));
                }
                out.write('\n');
            }
        }
        return file;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
