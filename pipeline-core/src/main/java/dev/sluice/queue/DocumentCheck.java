package dev.sluice.queue;

import net.openhft.chronicle.algo.hashing.LongHashFunction;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;

/**
 * The check word at the front of every document: xxHash of its header fields (high 32 bits) and of its
 * records (low 32 bits). Chronicle publishes a document only once it is complete, so a document whose
 * check fails was torn by something Chronicle cannot see: a write to a page the disk could not back, or
 * pages lost in a crash of the machine. Checking the header apart from the records tells whether the
 * header of a torn document (which input it answered to) can still be trusted.
 */
final class DocumentCheck {
    private static final LongHashFunction XX = LongHashFunction.xx_r39();

    private DocumentCheck() {
    }

    /** Computes the check of the document in {@code [start, end)} and writes it at {@code start}. */
    static void seal(Bytes<?> bytes, long start, long end) {
        bytes.writeLong(start, ((long) headerHash(bytes, start) << 32) | (recordsHash(bytes, start, end) & 0xFFFFFFFFL));
    }

    /** Whether the header fields of the document at {@code start} are as written. */
    static boolean headerIntact(Bytes<?> bytes, long start, long end) {
        return end - start >= DocumentHeader.LENGTH && (int) (bytes.readLong(start) >>> 32) == headerHash(bytes, start);
    }

    /** Whether the whole document in {@code [start, end)} is as written. */
    static boolean intact(Bytes<?> bytes, long start, long end) {
        return headerIntact(bytes, start, end) && (int) bytes.readLong(start) == recordsHash(bytes, start, end);
    }

    private static int headerHash(Bytes<?> bytes, long start) {
        return (int) hash(bytes, start + Long.BYTES, DocumentHeader.LENGTH - Long.BYTES);
    }

    private static int recordsHash(Bytes<?> bytes, long start, long end) {
        return (int) hash(bytes, start + DocumentHeader.LENGTH, end - start - DocumentHeader.LENGTH);
    }

    private static long hash(Bytes<?> bytes, long from, long length) {
        BytesStore<?, ?> store = bytes.bytesStore();
        if (store != null && store.isDirectMemory() && store.inside(from, length)) {
            return XX.hashMemory(store.addressForRead(from), length); // the whole document lies in one mapping
        }
        byte[] copy = new byte[Math.toIntExact(length)];
        bytes.read(from, copy, 0, copy.length);
        return XX.hashBytes(copy);
    }
}
