package dev.sluice.examples.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plain-Java baseline for word count, with no Sluice in it: one JVM, N threads, the file read in
 * chunks of 4 MB cut at line ends, words counted as bytes in an open-addressing table per thread (no
 * object per word), the tables merged, sorted by count then word, written as the same TSV.
 * {@code HandWrittenWordCount INPUT OUTPUT THREADS}.
 */
public final class HandWrittenWordCount {
    private static final int CHUNK = 4 << 20;
    private static final boolean[] WORD = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
    }

    private HandWrittenWordCount() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        long[] cuts = cuts(input);
        AtomicInteger next = new AtomicInteger();
        Table[] tables = new Table[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Table table = tables[t] = new Table();
            Thread worker = new Thread(() -> {
                try (FileChannel file = FileChannel.open(input, StandardOpenOption.READ)) {
                    byte[] buffer = new byte[CHUNK + 64 * 1024];
                    for (int c; (c = next.getAndIncrement()) < cuts.length - 1; ) {
                        int length = (int) (cuts[c + 1] - cuts[c]);
                        if (length > buffer.length) {
                            buffer = new byte[length];
                        }
                        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
                        while (target.hasRemaining()) {
                            file.read(target, cuts[c] + target.position());
                        }
                        count(buffer, length, table);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Table total = tables[0];
        for (int t = 1; t < threads; t++) {
            Table other = tables[t];
            for (int e = 0; e < other.size; e++) {
                total.add(other.keys, other.offsets[e], other.lengths[e], other.hashes[e], other.counts[e]);
            }
        }
        total.write(output);
    }

    /** Chunk boundaries: about every CHUNK bytes, just after a newline. */
    private static long[] cuts(Path input) throws IOException {
        long size = Files.size(input);
        List<Long> cuts = new ArrayList<>(List.of(0L));
        try (FileChannel file = FileChannel.open(input, StandardOpenOption.READ)) {
            ByteBuffer probe = ByteBuffer.allocate(64 * 1024);
            long at = CHUNK;
            while (at < size) {
                long cut = -1;
                for (long from = at - 1; cut < 0 && from < size; ) {
                    probe.clear();
                    int n = file.read(probe, from);
                    for (int i = 0; i < n && cut < 0; i++) {
                        if (probe.get(i) == '\n') {
                            cut = from + i + 1;
                        }
                    }
                    from += Math.max(n, 1);
                }
                if (cut < 0 || cut >= size) {
                    break;
                }
                cuts.add(cut);
                at = cut + CHUNK;
            }
        }
        cuts.add(size);
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    private static void count(byte[] text, int length, Table table) {
        int i = 0;
        while (i < length) {
            while (i < length && !WORD[text[i] & 0xFF]) {
                i++;
            }
            int start = i;
            int hash = 0x811C9DC5;
            while (i < length && WORD[text[i] & 0xFF]) {
                hash = (hash ^ text[i]) * 0x01000193;
                i++;
            }
            if (i > start) {
                table.add(text, start, i - start, hash, 1);
            }
        }
    }

    /** Open addressing over primitive arrays; keys side by side in one byte array. */
    private static final class Table {
        int[] slots = new int[1 << 16]; // entry + 1, 0 = empty
        int[] hashes = new int[1 << 15];
        int[] offsets = new int[1 << 15];
        int[] lengths = new int[1 << 15];
        long[] counts = new long[1 << 15];
        byte[] keys = new byte[1 << 20];
        int size;
        int keyBytes;

        void add(byte[] text, int start, int length, int hash, long delta) {
            int mask = slots.length - 1;
            int slot = mix(hash) & mask;
            for (int e; (e = slots[slot]) != 0; slot = (slot + 1) & mask) {
                e--;
                if (hashes[e] == hash && lengths[e] == length
                        && Arrays.equals(keys, offsets[e], offsets[e] + length, text, start, start + length)) {
                    counts[e] += delta;
                    return;
                }
            }
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            if (keyBytes + length > keys.length) {
                keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keyBytes + length));
            }
            System.arraycopy(text, start, keys, keyBytes, length);
            hashes[size] = hash;
            offsets[size] = keyBytes;
            lengths[size] = length;
            counts[size] = delta;
            keyBytes += length;
            slots[slot] = ++size;
            if (size * 2 > slots.length) {
                rehash();
            }
        }

        private static int mix(int hash) {
            return hash ^ (hash >>> 16);
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int e = 0; e < size; e++) {
                int slot = mix(hashes[e]) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = e + 1;
            }
        }

        void write(Path output) throws IOException {
            Integer[] order = new Integer[size];
            for (int e = 0; e < size; e++) {
                order[e] = e;
            }
            Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a])
                    : Arrays.compareUnsigned(keys, offsets[a], offsets[a] + lengths[a], keys, offsets[b], offsets[b] + lengths[b]));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
                for (int e : order) {
                    out.write(keys, offsets[e], lengths[e]);
                    out.write('\t');
                    out.write(Long.toString(counts[e]).getBytes());
                    out.write('\n');
                }
            }
        }
    }
}
