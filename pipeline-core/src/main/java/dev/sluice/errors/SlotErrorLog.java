package dev.sluice.errors;

import dev.sluice.files.DiskSpace;
import dev.sluice.files.PrivateFiles;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.slf4j.LoggerFactory;

/**
 * The errors of one slot's process, as data: Agrona's {@link DistinctErrorLog} in a memory-mapped file,
 * {@code errors/<stage>-<worker>-<pid>.errors}, so each distinct exception is kept once with its count and
 * first and last times, readable live by any other process ({@link DistinctErrors}). The file is made on
 * the first error, so a process without errors leaves none. One log per slot per process: everything that
 * records a slot's errors in this JVM shares it.
 */
public final class SlotErrorLog {
    /** Room for a few hundred distinct stack traces. */
    static final int CAPACITY = 1 << 20;
    static final String SUFFIX = ".errors";
    private static final Map<Path, SlotErrorLog> OPEN = new ConcurrentHashMap<>();

    private final Path dir;
    private final String slot;
    private DistinctErrorLog log;
    private boolean full;

    private SlotErrorLog(Path dir, String slot) {
        this.dir = dir;
        this.slot = slot;
    }

    /** The error log of slot {@code <stage>-<worker>} in this process, under {@code errorsDir}. */
    public static SlotErrorLog of(Path errorsDir, String stage, int worker) {
        String slot = stage + "-" + worker;
        return OPEN.computeIfAbsent(errorsDir.toAbsolutePath().resolve(slot), k -> new SlotErrorLog(errorsDir, slot));
    }

    /** Records one occurrence; never throws (an error log that fails must not hide the error it was given). */
    public synchronized void record(Throwable error) {
        try {
            if (log == null) {
                log = new DistinctErrorLog(new UnsafeBuffer(map()), new SystemEpochClock(), StandardCharsets.UTF_8);
            }
            if (!log.record(error) && !full) {
                full = true;
                LoggerFactory.getLogger(SlotErrorLog.class).warn("distinct-error log of {} is full: further new"
                        + " errors are only in this log", slot);
            }
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(SlotErrorLog.class).warn("cannot record an error of {} in {}: {}", slot, dir,
                    e.toString());
        }
    }

    /** A new file: a JVM that runs a slot twice (a resume in the same JVM) starts a second one. */
    private MappedByteBuffer map() throws IOException {
        PrivateFiles.createDirectories(dir);
        String name = slot + "-" + ProcessHandle.current().pid();
        Path file = dir.resolve(name + SUFFIX);
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(name + "." + n + SUFFIX);
        }
        PrivateFiles.createFile(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // every page allocated before it is mapped: errors come when the disk is full too, and a page first
            // touched then is a SIGBUS, in this process and in every reader (DistinctErrors), not an exception
            try {
                DiskSpace.zero(channel, 0, CAPACITY);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, CAPACITY); // stays mapped once closed
        }
    }
}
