package dev.sluice.queue;

import dev.sluice.config.QueueSettings;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Queues a standby process opens before its slot comes (opening one costs tens of milliseconds on a busy machine):
 * the slot's first {@link QueueFiles#open} of each directory takes the one opened ahead, and those its slot does not
 * use are closed when the slot comes (an open queue keeps its cycle files mapped).
 */
public final class PreOpenedQueues {
    private static final Map<Path, SingleChronicleQueue> OPENED = new ConcurrentHashMap<>();

    private PreOpenedQueues() {
    }

    /** Opens the queue in {@code directory} now, for a later {@link QueueFiles#open} of it. */
    public static void open(Path directory, QueueSettings settings) {
        SingleChronicleQueue queue = QueueFiles.open(directory, settings);
        SingleChronicleQueue earlier = OPENED.put(directory, queue);
        if (earlier != null) {
            earlier.close();
        }
    }

    /** Closes every queue opened ahead but those in {@code kept}. */
    public static void keepOnly(Collection<Path> kept) {
        OPENED.entrySet().removeIf(entry -> {
            if (kept.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
    }

    /** The queue opened ahead in {@code directory}, no longer held here; null if there is none. */
    static SingleChronicleQueue take(Path directory) {
        SingleChronicleQueue queue = OPENED.remove(directory);
        return queue == null || queue.isClosed() ? null : queue;
    }
}
