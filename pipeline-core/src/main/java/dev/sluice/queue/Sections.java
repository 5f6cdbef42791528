package dev.sluice.queue;

import dev.sluice.api.ByteView;
import dev.sluice.api.Codec;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A batch's records sorted by partition, for a stage read by a partitioned aggregate: each record goes
 * to the section its key's hash picks, and the document carries a table of the sections, so
 * partition p reads section p alone. Section 0 is the batch's own staging buffer; the others are
 * kept here until the append.
 */
final class Sections implements AutoCloseable {
    private final int partitions;
    private final int[] counts;
    private final Bytes<?>[] buffers;
    private final UnsafeBuffer staged = new UnsafeBuffer(new byte[0]);
    private final ByteView record = new ByteView();

    Sections(int partitions) {
        this.partitions = partitions;
        this.counts = new int[partitions];
        this.buffers = new Bytes<?>[partitions];
        for (int p = 1; p < partitions; p++) {
            buffers[p] = Bytes.allocateElasticDirect(16 * 1024);
        }
    }

    /** The partition a record key's hash belongs to: from the hash's high bits, so tables keyed by its low bits stay full. */
    static int partitionOf(long keyHash, int partitions) {
        return (int) (((keyHash >>> 32) * partitions) >>> 32);
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
        for (int p = 1; p < partitions; p++) {
            buffers[p].clear();
        }
    }

    /**
     * Routes the record just staged at {@code staging[at]} (its length first): keeps it there for
     * section 0, else moves it to its section's buffer.
     *
     * @param keyCodec  the codec that says how long its key is, or null to use {@code keyLength}
     * @param keyLength the key's length; negative for the whole record
     */
    void route(Bytes<?> staging, long at, int length, Codec<?> keyCodec, int keyLength) {
        staged.wrap(staging.addressForRead(at + Integer.BYTES), length);
        record.wrap(staged, 0, length);
        int key = keyCodec != null ? keyCodec.keyLength(record) : keyLength < 0 ? length : keyLength;
        int p = partitionOf(record.hash(0, key), partitions);
        counts[p]++;
        if (p > 0) {
            buffers[p].write(staging, at, Integer.BYTES + length);
            staging.writePosition(at);
        }
    }

    /** Writes the section table (count, then each section's records and bytes), then every section. */
    void writeTo(Bytes<?> out, Bytes<?> section0) {
        out.writeInt(partitions);
        for (int p = 0; p < partitions; p++) {
            out.writeInt(counts[p]);
            out.writeInt((int) (p == 0 ? section0 : buffers[p]).readRemaining());
        }
        out.write(section0, section0.readPosition(), section0.readRemaining());
        for (int p = 1; p < partitions; p++) {
            out.write(buffers[p], buffers[p].readPosition(), buffers[p].readRemaining());
        }
    }

    /** Bytes the sections beyond section 0 hold, plus the table. */
    long extraBytes() {
        long bytes = Integer.BYTES + 2L * Integer.BYTES * partitions;
        for (int p = 1; p < partitions; p++) {
            bytes += buffers[p].readRemaining();
        }
        return bytes;
    }

    @Override
    public void close() {
        for (int p = 1; p < partitions; p++) {
            buffers[p].releaseLast();
        }
    }
}
