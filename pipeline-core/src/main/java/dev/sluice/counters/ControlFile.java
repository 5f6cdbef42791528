package dev.sluice.counters;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.agrona.IoUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * {@code control.dat} mapped into this process: the supervisor creates it and allocates every
 * counter up front; stage processes and {@code sluice status} map it and find counters by key.
 */
public final class ControlFile implements AutoCloseable {
    private final MappedByteBuffer mapped;
    private final CountersReader reader;
    private final CountersManager manager;
    private final AtomicBuffer values;

    private ControlFile(MappedByteBuffer mapped, boolean create, int counters) {
        this.mapped = mapped;
        UnsafeBuffer whole = new UnsafeBuffer(mapped);
        if (create) {
            ControlFileDescriptor.writeHeader(whole, counters, System.currentTimeMillis());
        }
        int metadataLength = whole.getInt(ControlFileDescriptor.METADATA_LENGTH_OFFSET);
        int valuesLength = whole.getInt(ControlFileDescriptor.VALUES_LENGTH_OFFSET);
        UnsafeBuffer metadata = new UnsafeBuffer(whole, ControlFileDescriptor.metadataOffset(), metadataLength);
        this.values = new UnsafeBuffer(whole, ControlFileDescriptor.valuesOffset(whole), valuesLength);
        this.manager = create ? new CountersManager(metadata, values, StandardCharsets.US_ASCII) : null;
        this.reader = create ? manager : new CountersReader(metadata, values, StandardCharsets.US_ASCII);
    }

    /** Creates a control file with room for {@code counters} counters. */
    public static ControlFile create(Path file, int counters) {
        MappedByteBuffer mapped = IoUtil.mapNewFile(file.toFile(), ControlFileDescriptor.fileLength(counters));
        return new ControlFile(mapped, true, counters);
    }

    /** Maps an existing control file; {@code writable} for stage processes, not for readers. */
    public static ControlFile open(Path file, boolean writable) {
        try (FileChannel channel = writable
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(writable ? FileChannel.MapMode.READ_WRITE
                    : FileChannel.MapMode.READ_ONLY, 0, Files.size(file));
            ControlFileDescriptor.checkHeader(new UnsafeBuffer(mapped), file.toString());
            return new ControlFile(mapped, false, 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot map control file " + file + ": " + e.getMessage(), e);
        }
    }

    public int allocate(String label, int typeId, Consumer<MutableDirectBuffer> key) {
        return manager.allocate(label, typeId, key);
    }

    public CountersReader reader() {
        return reader;
    }

    /** A writable view of one counter. */
    public AtomicCounter counter(int counterId) {
        return new AtomicCounter(values, counterId);
    }

    @Override
    public void close() {
        IoUtil.unmap(mapped);
    }
}
