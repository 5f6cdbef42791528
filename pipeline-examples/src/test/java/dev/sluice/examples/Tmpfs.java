package dev.sluice.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test, to fill a disk for real (CI runs as root). Where mounting is not
 * permitted the test is skipped, saying why.
 */
final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    static Tmpfs mount(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        Assumptions.assumeTrue(failure == null, () -> "skipped: cannot mount a tmpfs at " + dir
                + " (needs root, as CI has): " + failure);
        return new Tmpfs(dir);
    }

    Path dir() {
        return dir;
    }

    /** Makes room: the same file system, bigger. */
    void resize(String size) throws Exception {
        String failure = run("mount", "-o", "remount,size=" + size, dir.toString());
        if (failure != null) {
            throw new IOException("cannot resize the tmpfs at " + dir + ": " + failure);
        }
    }

    @Override
    public void close() throws Exception {
        if (run("umount", dir.toString()) != null) {
            run("umount", "-l", dir.toString()); // still busy: detach it now, the kernel frees it when it can
        }
    }

    /** Null on success, otherwise what the command said. */
    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        return process.exitValue() == 0 ? null : output + " (exit " + process.exitValue() + ")";
    }
}
