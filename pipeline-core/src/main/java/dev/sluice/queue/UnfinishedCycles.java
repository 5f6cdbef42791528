package dev.sluice.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.Wires;
import org.slf4j.LoggerFactory;

/**
 * Cycle files whose writer died while creating them: their first header was never completed, so they
 * hold no document. Left there, Chronicle waits its timeout on them in every process that opens them and
 * then renames them aside, which leaves readers that mapped the old file waiting on it for good. The
 * queue's next writer removes them before it starts, and creates the cycle afresh when it appends.
 */
final class UnfinishedCycles {
    private UnfinishedCycles() {
    }

    static void remove(SingleChronicleQueue queue) {
        Path dir = queue.file().toPath();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SingleChronicleQueue.SUFFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list queue " + dir, e);
        }
        boolean removed = false;
        for (Path file : files) {
            if (unfinished(file)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove unfinished cycle file " + file, e);
                }
                LoggerFactory.getLogger(UnfinishedCycles.class).info("removed {}: its writer died creating it", file);
                removed = true;
            }
        }
        if (removed) {
            queue.refreshDirectoryListing();
        }
    }

    private static boolean unfinished(Path file) {
        ByteBuffer first = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.read(first, 0) < 4) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        int header = first.getInt(0);
        return header == 0 || Wires.isNotComplete(header);
    }
}
