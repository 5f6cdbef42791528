package dev.sluice.queue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Deletes a queue's roll-cycle files that every reader has passed: a cycle may go once the first
 * document of the cycle after it is at or below the position every reader has safely consumed.
 * The current (last) cycle is never deleted.
 */
public final class ConsumedCycles {
    private ConsumedCycles() {
    }

    /** @return how many cycle files were deleted */
    public static int delete(SingleChronicleQueue queue, long consumedBelow) {
        int first = queue.firstCycle();
        int last = queue.lastCycle();
        if (first >= last) {
            return 0;
        }
        List<Long> cycles = new ArrayList<>(queue.listCyclesBetween(first, last));
        int deleted = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            for (int i = 0; i + 1 < cycles.size(); i++) {
                long firstOfNext = firstDocSeq(tailer, cycles.get(i + 1).intValue());
                if (firstOfNext < 0 || firstOfNext > consumedBelow) {
                    break;
                }
                if (deleteCycle(queue, cycles.get(i).intValue())) {
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            queue.refreshDirectoryListing();
        }
        return deleted;
    }

    private static long firstDocSeq(ExcerptTailer tailer, int cycle) {
        if (!tailer.moveToCycle(cycle)) {
            return -1;
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return -1;
            }
            var bytes = dc.wire().bytes();
            if (!DocumentCheck.intact(bytes, bytes.readPosition(), bytes.readLimit())) {
                return -1; // torn: keep everything from here
            }
            DocumentHeader header = new DocumentHeader();
            header.readFrom(bytes);
            return header.docSeq;
        }
    }

    private static boolean deleteCycle(SingleChronicleQueue queue, int cycle) {
        SingleChronicleQueueStore store = queue.storeForCycle(cycle, queue.epoch(), false, null);
        if (store == null) {
            return false;
        }
        File file = store.file();
        queue.closeStore(store);
        return file.delete();
    }
}
