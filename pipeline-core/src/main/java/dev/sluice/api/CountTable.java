package dev.sluice.api;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Counts byte-string keys (words, say) with no object per key: open addressing over primitive arrays,
 * the keys' bytes side by side in one array. What a word-count tokenizer combines into and what the
 * {@code word-count} aggregate merges partial counts into.
 *
 * <p>Entries are numbered densely in insertion order ({@code 0 .. size() - 1}); {@link #clear()} forgets
 * them all but keeps the memory, so a combiner reuses one table claim after claim.
 */
public final class CountTable {
    private static final int MIN_SLOTS = 1 << 10;

    /** 0 for an empty slot, else the key's hash tag (high 32 bits) and its entry number plus one (low 32). */
    private long[] slots;
    private int mask;
    /** Per entry, two longs: where its key lies in {@link #keys} (offset << 32 | length), and its count. */
    private long[] entries;
    private byte[] keys;
    private final ByteView keyView = new ByteView();
    private final ByteView entryKey = new ByteView();
    private int size;
    private int keyBytes;

    public CountTable() {
        this(MIN_SLOTS / 2);
    }

    /** A table sized for about {@code expectedKeys} keys before it grows. */
    public CountTable(int expectedKeys) {
        int slotCount = Integer.highestOneBit(Math.max(MIN_SLOTS, expectedKeys * 2 - 1)) << 1;
        slots = new long[slotCount];
        mask = slotCount - 1;
        entries = new long[expectedKeys * 2];
        keys = new byte[Math.max(1024, expectedKeys * 8)];
        keyView.wrap(keys, 0, keys.length);
    }

    /** Adds {@code delta} to the count of the key {@code key[offset, offset + length)}; returns the new count. */
    public long add(ByteView key, int offset, int length, long delta) {
        long hash = key.hash(offset, length);
        long tag = hash & 0xFFFF_FFFF_0000_0000L;
        int slot = (int) hash & mask;
        while (true) {
            long s = slots[slot];
            if (s == 0) {
                insert(slot, tag, key, offset, length, delta);
                return delta;
            }
            if ((s & 0xFFFF_FFFF_0000_0000L) == tag) {
                int entry = (int) s - 1;
                long ref = entries[2 * entry];
                if ((int) ref == length && keyView.bytesEqual((int) (ref >>> 32), key, offset, length)) {
                    return entries[2 * entry + 1] += delta;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The count of a key; 0 if it was never added. */
    public long get(ByteView key, int offset, int length) {
        long hash = key.hash(offset, length);
        long tag = hash & 0xFFFF_FFFF_0000_0000L;
        for (int slot = (int) hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            long s = slots[slot];
            if ((s & 0xFFFF_FFFF_0000_0000L) == tag) {
                long ref = entries[2 * ((int) s - 1)];
                if ((int) ref == length && keyView.bytesEqual((int) (ref >>> 32), key, offset, length)) {
                    return entries[2 * ((int) s - 1) + 1];
                }
            }
        }
        return 0;
    }

    private void insert(int slot, long tag, ByteView key, int offset, int length, long delta) {
        if (keyBytes + length > keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(keyBytes + (long) length, 2L * keys.length)));
            keyView.wrap(keys, 0, keys.length);
        }
        key.copyTo(offset, keys, keyBytes, length);
        if (2 * size + 2 > entries.length) {
            entries = Arrays.copyOf(entries, Math.max(4, 2 * entries.length));
        }
        entries[2 * size] = (long) keyBytes << 32 | length;
        entries[2 * size + 1] = delta;
        keyBytes += length;
        size++;
        slots[slot] = tag | size;
        if (size * 2 > slots.length) {
            grow();
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long s : old) {
            if (s != 0) {
                long ref = entries[2 * ((int) s - 1)];
                int slot = (int) keyView.hash((int) (ref >>> 32), (int) ref) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = s;
            }
        }
    }

    /** How many distinct keys the table holds. */
    public int size() {
        return size;
    }

    /** The key of entry {@code entry}: one reused view, valid until the next call. */
    public ByteView key(int entry) {
        long ref = entries[2 * entry];
        return entryKey.wrap(keyView, (int) (ref >>> 32), (int) ref);
    }

    public long count(int entry) {
        return entries[2 * entry + 1];
    }

    /** Forgets every key, keeping the memory. */
    public void clear() {
        if (size > 0) {
            Arrays.fill(slots, 0);
            size = 0;
            keyBytes = 0;
        }
    }

    /** Writes every entry as a {@link Codecs#KEY_COUNT} record: what a combiner emits at the end of its claim. */
    public void writeTo(RecordWriter out) {
        for (int e = 0; e < size; e++) {
            long ref = entries[2 * e];
            out.emitKeyCount(keyView, (int) (ref >>> 32), (int) ref, entries[2 * e + 1]);
        }
    }

    /** Entry numbers by count, highest first, then by key in byte (UTF-8 code point) order. */
    public int[] sortedByCount() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        mergeSort(order, new int[size], 0, size);
        return order;
    }

    private int compare(int a, int b) {
        long countA = entries[2 * a + 1];
        long countB = entries[2 * b + 1];
        if (countA != countB) {
            return countA > countB ? -1 : 1;
        }
        long refA = entries[2 * a];
        long refB = entries[2 * b];
        return keyView.compareBytes((int) (refA >>> 32), (int) refA, keyView, (int) (refB >>> 32), (int) refB);
    }

    private void mergeSort(int[] a, int[] scratch, int from, int to) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                for (; j >= from && compare(a[j], v) > 0; j--) {
                    a[j + 1] = a[j];
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, scratch, from, mid);
        mergeSort(a, scratch, mid, to);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, scratch, from, to - from);
        for (int i = from, l = from, r = mid; i < to; i++) {
            a[i] = r >= to || (l < mid && compare(scratch[l], scratch[r]) <= 0) ? scratch[l++] : scratch[r++];
        }
    }

    /** Writes the table (for an aggregate's snapshot): size, then each key's length, bytes and count. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int e = 0; e < size; e++) {
            long ref = entries[2 * e];
            out.writeInt((int) ref);
            out.write(keys, (int) (ref >>> 32), (int) ref);
            out.writeLong(entries[2 * e + 1]);
        }
    }

    /** Adds every entry of a table {@link #writeTo(DataOutput) written} elsewhere: a restore into an empty table, or a merge. */
    public void addFrom(DataInput in) throws IOException {
        ByteView view = new ByteView();
        byte[] key = new byte[64];
        for (int n = in.readInt(); n > 0; n--) {
            int length = in.readInt();
            if (length > key.length) {
                key = new byte[Math.max(length, 2 * key.length)];
            }
            in.readFully(key, 0, length);
            add(view.wrap(key, 0, length), 0, length, in.readLong());
        }
    }
}
