package dev.sluice.api;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.agrona.BufferUtil;
import org.agrona.UnsafeApi;

/**
 * Counts byte-string keys (words, say) with no object per key: what a word-count tokenizer combines into
 * and what the {@code word-count} aggregate merges partial counts into.
 *
 * <p>Open addressing over one byte array of 32-byte slots: a slot holds the key's hash tag and length, its
 * count, and the key itself when it is at most 16 bytes long (most words are), so a lookup usually touches
 * one cache line; longer keys lie side by side in a second array. Entries are also numbered densely in
 * insertion order ({@code 0 .. size() - 1}); {@link #clear()} forgets them all but keeps the memory, so a
 * combiner reuses one table claim after claim.
 */
public final class CountTable {
    private static final int SLOT = 32;
    private static final int COUNT = 8;
    private static final int KEY = 16;
    private static final int INLINE = 16;
    private static final long TAG = 0xFFFF_FFFF_0000_0000L;
    private static final int MIN_SLOTS = 1 << 10;

    /** Slots: [tag << 32 | length + 1] (0: empty), [count], [key bytes, or the key's offset in longKeys]. */
    private byte[] table;
    private int mask;
    /** Entry number to slot number, in insertion order. */
    private int[] order;
    private int size;
    private static final int GROUP = 8;
    private final long[] groupW0 = new long[GROUP];
    private final long[] groupW1 = new long[GROUP];
    private final int[] groupLength = new int[GROUP];
    private final long[] groupCount = new long[GROUP];
    private final long[] groupHash = new long[GROUP];
    /** Keeps the touching loads of {@link #addKeyCounts} from being optimised away. */
    @SuppressWarnings("unused")
    private long groupTouched;
    private byte[] longKeys = new byte[1024];
    private int longKeyBytes;
    private final ByteView tableView = new ByteView();
    private final ByteView longKeyView = new ByteView();
    private final ByteView entryKey = new ByteView();
    private final ByteView otherKey = new ByteView();

    public CountTable() {
        this(MIN_SLOTS / 2);
    }

    /** A table sized for about {@code expectedKeys} keys before it grows. */
    public CountTable(int expectedKeys) {
        allocate(Integer.highestOneBit(Math.max(MIN_SLOTS, expectedKeys * 2 - 1)) << 1);
        order = new int[Math.max(16, expectedKeys)];
        longKeyView.wrap(longKeys, 0, longKeys.length);
    }

    private void allocate(int slots) {
        table = new byte[slots * SLOT];
        mask = slots - 1;
        tableView.wrap(table, 0, table.length);
    }

    private static long at(int slot, int field) {
        return BufferUtil.ARRAY_BASE_OFFSET + (long) slot * SLOT + field;
    }

    /** Adds {@code delta} to the count of the key {@code key[offset, offset + length)}; returns the new count. */
    public long add(ByteView key, int offset, int length, long delta) {
        if (length <= INLINE) {
            long w0 = key.bitsAt(offset, Math.min(length, 8));
            long w1 = length > 8 ? key.bitsAt(offset + 8, length - 8) : 0;
            return addShort(w0, w1, length, shortHash(w0, w1, length), delta);
        }
        long hash = key.hash(offset, length);
        int slot = longSlot(key, offset, length, hash);
        if (slot >= 0) {
            return addTo(slot, delta);
        }
        storeLongKey(~slot, key, offset, length);
        occupy(~slot, meta(hash, length), delta);
        return delta;
    }

    /**
     * Adds every {@link Codecs#KEY_COUNT} record of a batch (what the {@code word-count} aggregate merges).
     * Keys are looked up a group at a time: their slots are first touched all together, so that the cache
     * misses of a large table overlap instead of following one another.
     */
    public void addKeyCounts(RecordBatch partials) {
        int n;
        do {
            n = 0;
            while (n < GROUP && partials.next()) {
                ByteView partial = partials.record();
                int length = partial.length() - Long.BYTES;
                long count = partial.longAt(length);
                if (length > INLINE) {
                    add(partial, 0, length, count); // rare: no grouping
                    continue;
                }
                long w0 = partial.bitsAt(0, Math.min(length, 8));
                long w1 = length > 8 ? partial.bitsAt(8, length - 8) : 0;
                groupW0[n] = w0;
                groupW1[n] = w1;
                groupLength[n] = length;
                groupCount[n] = count;
                groupHash[n] = shortHash(w0, w1, length);
                n++;
            }
            long touched = 0;
            for (int i = 0; i < n; i++) {
                touched += UnsafeApi.getLong(table, at((int) groupHash[i] & mask, 0));
            }
            groupTouched = touched;
            for (int i = 0; i < n; i++) {
                addShort(groupW0[i], groupW1[i], groupLength[i], groupHash[i], groupCount[i]);
            }
        } while (n == GROUP);
    }

    /** The count of a key; 0 if it was never added. */
    public long get(ByteView key, int offset, int length) {
        int slot;
        if (length <= INLINE) {
            long w0 = key.bitsAt(offset, Math.min(length, 8));
            long w1 = length > 8 ? key.bitsAt(offset + 8, length - 8) : 0;
            slot = shortSlot(w0, w1, length, shortHash(w0, w1, length));
        } else {
            slot = longSlot(key, offset, length, key.hash(offset, length));
        }
        return slot < 0 ? 0 : UnsafeApi.getLong(table, at(slot, COUNT));
    }

    /** A short key, given as two words, is in the slot itself. */
    private long addShort(long w0, long w1, int length, long hash, long delta) {
        int slot = shortSlot(w0, w1, length, hash);
        if (slot >= 0) {
            return addTo(slot, delta);
        }
        UnsafeApi.putLong(table, at(~slot, KEY), w0);
        UnsafeApi.putLong(table, at(~slot, KEY + 8), w1);
        occupy(~slot, meta(hash, length), delta);
        return delta;
    }

    /** The slot of a short key, or the complement of the empty slot where it belongs. */
    private int shortSlot(long w0, long w1, int length, long hash) {
        long meta = meta(hash, length);
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            long m = UnsafeApi.getLong(table, at(slot, 0));
            if (m == 0) {
                return ~slot;
            }
            if (m == meta && UnsafeApi.getLong(table, at(slot, KEY)) == w0
                    && UnsafeApi.getLong(table, at(slot, KEY + 8)) == w1) {
                return slot;
            }
        }
    }

    /** The slot of a long key, or the complement of the empty slot where it belongs. */
    private int longSlot(ByteView key, int offset, int length, long hash) {
        long meta = meta(hash, length);
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            long m = UnsafeApi.getLong(table, at(slot, 0));
            if (m == 0) {
                return ~slot;
            }
            if (m == meta && longKeyView.bytesEqual(longKeyOffset(slot), key, offset, length)) {
                return slot;
            }
        }
    }

    /** A slot's header: the hash's high half as a tag, and the key's length plus one (so that it is never 0). */
    private static long meta(long hash, int length) {
        return hash & TAG | (length + 1);
    }

    private static long shortHash(long w0, long w1, int length) {
        long h = (w0 * 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(w1 * 0xC2B2AE3D27D4EB4FL, 31) ^ length;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 33);
    }

    private long addTo(int slot, long delta) {
        long count = UnsafeApi.getLong(table, at(slot, COUNT)) + delta;
        UnsafeApi.putLong(table, at(slot, COUNT), count);
        return count;
    }

    private int longKeyOffset(int slot) {
        return (int) UnsafeApi.getLong(table, at(slot, KEY));
    }

    private void storeLongKey(int slot, ByteView key, int offset, int length) {
        if (longKeyBytes + length > longKeys.length) {
            longKeys = Arrays.copyOf(longKeys, (int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max(longKeyBytes + (long) length, 2L * longKeys.length)));
            longKeyView.wrap(longKeys, 0, longKeys.length);
        }
        key.copyTo(offset, longKeys, longKeyBytes, length);
        UnsafeApi.putLong(table, at(slot, KEY), longKeyBytes);
        longKeyBytes += length;
    }

    private void occupy(int slot, long meta, long delta) {
        UnsafeApi.putLong(table, at(slot, 0), meta);
        UnsafeApi.putLong(table, at(slot, COUNT), delta);
        if (size == order.length) {
            order = Arrays.copyOf(order, 2 * size);
        }
        order[size++] = slot;
        if (size * 2 > mask + 1) {
            grow();
        }
    }

    private void grow() {
        resize((mask + 1) * 2);
    }

    /** Room for {@code moreKeys} new keys without growing on the way (one rehash instead of one per doubling). */
    private void reserve(int moreKeys) {
        long needed = 2L * (size + (long) moreKeys);
        if (needed > mask + 1) {
            resize((int) Math.min(1 << 26, Long.highestOneBit(needed - 1) << 1)); // 2 GB of slots at most
        }
    }

    /** Moves every entry into {@code slots} slots; entries keep their numbers. */
    private void resize(int slots) {
        byte[] old = table;
        allocate(slots);
        for (int e = 0; e < size; e++) {
            long from = BufferUtil.ARRAY_BASE_OFFSET + (long) order[e] * SLOT;
            long meta = UnsafeApi.getLong(old, from);
            int length = (int) meta - 1;
            long hash = length <= INLINE
                    ? shortHash(UnsafeApi.getLong(old, from + KEY), UnsafeApi.getLong(old, from + KEY + 8), length)
                    : longKeyView.hash((int) UnsafeApi.getLong(old, from + KEY), length);
            int slot = (int) hash & mask;
            while (UnsafeApi.getLong(table, at(slot, 0)) != 0) {
                slot = (slot + 1) & mask;
            }
            UnsafeApi.copyMemory(old, from, table, at(slot, 0), SLOT);
            order[e] = slot;
        }
    }

    /** How many distinct keys the table holds. */
    public int size() {
        return size;
    }

    /** The key of entry {@code entry}: one reused view, valid until the next call. */
    public ByteView key(int entry) {
        return keyOf(order[entry], entryKey);
    }

    private ByteView keyOf(int slot, ByteView into) {
        int length = (int) UnsafeApi.getLong(table, at(slot, 0)) - 1;
        return length <= INLINE ? into.wrap(tableView, slot * SLOT + KEY, length)
                : into.wrap(longKeyView, longKeyOffset(slot), length);
    }

    public long count(int entry) {
        return UnsafeApi.getLong(table, at(order[entry], COUNT));
    }

    /** Forgets every key, keeping the memory. */
    public void clear() {
        for (int e = 0; e < size; e++) {
            UnsafeApi.putLong(table, at(order[e], 0), 0);
        }
        size = 0;
        longKeyBytes = 0;
    }

    /** Writes every entry as a {@link Codecs#KEY_COUNT} record: what a combiner emits at the end of its claim. */
    public void writeTo(RecordWriter out) {
        for (int e = 0; e < size; e++) {
            ByteView key = key(e);
            out.emitKeyCount(key, 0, key.length(), count(e));
        }
    }

    /** Entry numbers by count, highest first, then by key in byte (UTF-8 code point) order. */
    public int[] sortedByCount() {
        return new CountOrder(this).sort();
    }

    /**
     * The first 8 bytes of an entry's key, zero-padded, as an unsigned number that orders as the bytes do: two
     * keys whose prefixes differ compare without reading the keys (most words share a count of 1 or 2).
     */
    long sortPrefix(int entry) {
        int slot = order[entry];
        int length = (int) UnsafeApi.getLong(table, at(slot, 0)) - 1;
        long word = length <= INLINE ? UnsafeApi.getLong(table, at(slot, KEY))
                : longKeyView.bitsAt(longKeyOffset(slot), Long.BYTES);
        return ByteView.LITTLE_ENDIAN ? Long.reverseBytes(word) : word;
    }

    /** Compares the keys of two entries in byte order. */
    int compareKeys(int a, int b) {
        ByteView keyA = key(a);
        ByteView keyB = keyOf(order[b], otherKey);
        return keyA.compareBytes(0, keyA.length(), keyB, 0, keyB.length());
    }

    /** Writes the table (for an aggregate's snapshot): size, then each key's length, bytes and count. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        byte[] bytes = new byte[64];
        for (int e = 0; e < size; e++) {
            ByteView key = key(e);
            if (key.length() > bytes.length) {
                bytes = new byte[key.length()];
            }
            key.copyTo(0, bytes, 0, key.length());
            out.writeInt(key.length());
            out.write(bytes, 0, key.length());
            out.writeLong(count(e));
        }
    }

    /** Adds every entry of a table {@link #writeTo(DataOutput) written} elsewhere: a restore into an empty table, or a merge. */
    public void addFrom(DataInput in) throws IOException {
        ByteView view = new ByteView();
        byte[] key = new byte[64];
        int n = in.readInt();
        reserve(n); // a restore lands in a table of the right size at once
        for (; n > 0; n--) {
            int length = in.readInt();
            if (length > key.length) {
                key = new byte[Math.max(length, 2 * key.length)];
            }
            in.readFully(key, 0, length);
            add(view.wrap(key, 0, length), 0, length, in.readLong());
        }
    }
}
