package dev.sluice.queue;

import dev.sluice.files.DiskSpace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.wire.Wires;

/**
 * Keeps disk space reserved ahead of a queue's single writer.
 *
 * <p>Chronicle writes through memory-mapped, sparse files: a store to a page the file system cannot back
 * kills the process with SIGBUS (on tmpfs even a read of such a page does), possibly after committing a
 * document with holes in it. So before every append the writer makes sure that every page the append can
 * touch is allocated: the document, the index array Chronicle may add after it, and in a new cycle file
 * its header and first indexes. It allocates them by writing zeros through the file, which fails with
 * ENOSPC (an exception) instead, and only ahead of everything Chronicle has written: this writer is the
 * only process that writes there, so zeros never overwrite data. Space is claimed from the disk a step at a
 * time ({@link DiskBudget}), and only while the disk keeps its floor free; within a step, zeros are written
 * as appends come near, up to the next {@value #ZERO_AHEAD}-byte boundary past what the append needs (one write
 * call for small documents). The zeroing is on the append's path, and every record queued behind it waits for it
 * (the latency tail): a whole step (up to 8 MB) at once held an append for 4-5 ms, 1 MB slices (16 writes of
 * 64 KB) for about 1 ms ten times a second at 100k small documents a second; one 64 KB write at a time costs the
 * same per byte and holds an append 16 times less.
 */
final class QueueSpace implements AutoCloseable {
    /** Near a cycle boundary, wait for it rather than reserve in a cycle file Chronicle is about to leave. */
    private static final long BOUNDARY_MARGIN_MS = 20;
    private static final long PAGE = 4096;
    /** Zeros are written up to a multiple of this: {@link DiskSpace}'s write size. */
    static final long ZERO_AHEAD = 64 << 10;

    private final SingleChronicleQueue queue;
    private final DiskBudget budget;
    private final Path dir;
    private final FileStore store;
    private final long cycleMillis;
    private final DateTimeFormatter fileNames;
    /** Room after our last document for what Chronicle may add: a header, index arrays, padding. */
    private final long slack;
    private int cycle = Integer.MIN_VALUE;
    private FileChannel file;
    private long end;
    /** Where zeros end: every page before it is allocated. */
    private long reservedTo;
    /** Where the steps the budget allowed end. */
    private long allowedTo;

    QueueSpace(SingleChronicleQueue queue, DiskBudget budget) {
        this.queue = queue;
        this.budget = budget;
        this.dir = queue.file().toPath();
        this.store = DiskBudget.storeOf(dir);
        this.cycleMillis = queue.rollCycle().lengthInMillis();
        this.fileNames = DateTimeFormatter.ofPattern(queue.rollCycle().format()).withZone(ZoneOffset.UTC);
        this.slack = 2 * (queue.indexCount() * 8L + 256) + PAGE;
        int last = queue.lastCycle();
        if (last != Integer.MIN_VALUE && Files.exists(cycleFile(last))) {
            moveTo(last);
            grow(end + slack); // a restarted writer's first act (and Chronicle's) touches the end of the last cycle
        }
    }

    /** Before an append of up to {@code documentBytes}: makes sure every page it can touch is allocated. */
    void reserve(long documentBytes) {
        int now = currentCycle();
        if (now != cycle) {
            moveTo(now);
        }
        long needed = end + slack + documentBytes;
        if (needed > reservedTo) {
            grow(needed);
        }
    }

    /** After an append: where the data written so far ends. */
    void appended(long endOfDocument) {
        end = endOfDocument;
    }

    private int currentCycle() {
        long now = System.currentTimeMillis();
        long untilNext = cycleMillis - Math.floorMod(now, cycleMillis);
        if (untilNext <= BOUNDARY_MARGIN_MS) {
            try {
                Thread.sleep(untilNext + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now = System.currentTimeMillis();
        }
        return (int) (now / cycleMillis); // Chronicle's cycle with its default epoch 0
    }

    private void moveTo(int newCycle) {
        closeFile();
        Path path = cycleFile(newCycle);
        try {
            if (Files.exists(path)) {
                end = endOfData(newCycle, path);
            } else {
                budget.check(store, dir, slack);
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                end = 0; // Chronicle finds it empty and writes its header as if it had created it
            }
            file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failure(e);
        }
        cycle = newCycle;
        reservedTo = end;
        allowedTo = end;
    }

    private void grow(long needed) {
        if (needed > allowedTo) {
            long step = pages(Math.max(needed, allowedTo + budget.stepBytes()));
            budget.check(store, dir, step - reservedTo);
            allowedTo = step;
        }
        long target = Math.min(allowedTo, (needed + ZERO_AHEAD - 1) / ZERO_AHEAD * ZERO_AHEAD);
        try {
            DiskSpace.zero(file, reservedTo, target);
        } catch (IOException e) {
            throw failure(e);
        }
        reservedTo = target;
    }

    private static long pages(long bytes) {
        return (bytes + PAGE - 1) / PAGE * PAGE;
    }

    private DiskFullException failure(IOException e) {
        return new DiskFullException("disk full: cannot reserve space for queue " + dir + ": " + e.getMessage(), e);
    }

    /**
     * Where the data of a cycle file ends: from the last document Chronicle recorded, past any complete
     * entries after it (index arrays), up to the first empty header or a dead writer's unfinished one
     * (which Chronicle writes over). Read through the file, not the mapping: a hole must not be touched.
     */
    private long endOfData(int existing, Path path) throws IOException {
        long position = 0;
        boolean padded = false;
        SingleChronicleQueueStore chronicleStore = queue.storeForCycle(existing, queue.epoch(), false, null);
        if (chronicleStore != null) {
            try {
                position = chronicleStore.writePosition();
                padded = chronicleStore.dataVersion() > 0;
            } finally {
                queue.closeStore(chronicleStore);
            }
        }
        ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (true) {
                if (padded) {
                    position += (-position) & 3;
                }
                header.clear();
                if (channel.read(header, position) < 4) {
                    return position;
                }
                int word = header.getInt(0);
                if (word == 0 || word == Wires.END_OF_DATA || Wires.isNotComplete(word)) {
                    return word == Wires.END_OF_DATA ? position + 4 + Wires.lengthOf(word) : position;
                }
                position += 4 + Wires.lengthOf(word);
            }
        }
    }

    private Path cycleFile(int c) {
        return dir.resolve(fileNames.format(Instant.ofEpochMilli(c * cycleMillis)) + SingleChronicleQueue.SUFFIX);
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // nothing was pending: writes went straight to the file
            }
            file = null;
        }
    }

    @Override
    public void close() {
        closeFile();
    }
}
