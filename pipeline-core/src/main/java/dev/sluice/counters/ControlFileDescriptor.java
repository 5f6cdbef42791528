package dev.sluice.counters;

import dev.sluice.files.FormatVersions;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.CountersReader;

/**
 * The layout of {@code control.dat}, described once for its writer and every reader (as Aeron's CnC
 * file is): one page of header, then Agrona counters metadata, then counter values.
 *
 * <pre>
 *   0  int  magic "SLCE"
 *   4  int  version
 *   8  int  metadata length
 *  12  int  values length
 *  16  long created (epoch ms)
 * 4096 metadata (CountersReader.METADATA_LENGTH per counter), then values (COUNTER_LENGTH each)
 * </pre>
 *
 * Counter keys: a type id says which kind of counter it is; the key holds the indexes that find it.
 */
public final class ControlFileDescriptor {
    public static final int MAGIC = 0x534C4345;
    /** 2: slot metrics (busy/idle time, bytes in, CPU, memory, latency), input consumption counters. */
    public static final int VERSION = FormatVersions.CONTROL_FILE;
    public static final int HEADER_LENGTH = 4096;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int METADATA_LENGTH_OFFSET = 8;
    static final int VALUES_LENGTH_OFFSET = 12;
    static final int CREATED_OFFSET = 16;

    /** A per-slot counter; key: stage index, worker, {@link SlotField#id()}. */
    public static final int SLOT_COUNTER_TYPE = 1001;
    /** A stage's position in one input queue (a parallel stage's claim counter); key: stage index, input queue index. */
    public static final int INPUT_POSITION_TYPE = 1002;
    /** Pipeline-wide; key: {@link PipelineField#id()}. */
    public static final int PIPELINE_COUNTER_TYPE = 1003;
    /**
     * How far a stage has consumed one input queue, exactly (what backlogs are measured from); key: stage
     * index, input queue index, {@link InputField#id()}.
     */
    public static final int INPUT_CONSUMED_TYPE = 1004;

    private ControlFileDescriptor() {
    }

    public static int metadataLength(int counters) {
        // Agrona sizes metadata from the values buffer's (page-aligned) capacity, not the counter count.
        return valuesLength(counters) * (CountersReader.METADATA_LENGTH / CountersReader.COUNTER_LENGTH);
    }

    public static int valuesLength(int counters) {
        return align(counters * CountersReader.COUNTER_LENGTH);
    }

    public static long fileLength(int counters) {
        return (long) HEADER_LENGTH + metadataLength(counters) + valuesLength(counters);
    }

    static void writeHeader(MutableDirectBuffer header, int counters, long createdMs) {
        header.putInt(VERSION_OFFSET, VERSION);
        header.putInt(METADATA_LENGTH_OFFSET, metadataLength(counters));
        header.putInt(VALUES_LENGTH_OFFSET, valuesLength(counters));
        header.putLong(CREATED_OFFSET, createdMs);
        header.putInt(MAGIC_OFFSET, MAGIC);
    }

    static void checkHeader(DirectBuffer header, String file) {
        if (header.getInt(MAGIC_OFFSET) != MAGIC) {
            throw new IllegalStateException(file + " is not a Sluice control file");
        }
        if (header.getInt(VERSION_OFFSET) != VERSION) {
            throw new IllegalStateException(FormatVersions.incompatible(file, "control file",
                    header.getInt(VERSION_OFFSET), VERSION));
        }
    }

    static int metadataOffset() {
        return HEADER_LENGTH;
    }

    static int valuesOffset(DirectBuffer header) {
        return HEADER_LENGTH + header.getInt(METADATA_LENGTH_OFFSET);
    }

    private static int align(int length) {
        return (length + 4095) & ~4095;
    }
}
