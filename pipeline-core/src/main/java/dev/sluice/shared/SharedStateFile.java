package dev.sluice.shared;

import dev.sluice.api.SharedLong;
import dev.sluice.api.SharedLongArray;
import dev.sluice.api.SharedSemaphore;
import dev.sluice.api.SharedState;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.SharedConfig;
import dev.sluice.config.SharedType;
import dev.sluice.files.FormatVersions;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@code state/shared.dat}: the run's shared counters, arrays and semaphores, one memory-mapped file that
 * every process of the run maps; after a header line (magic and {@link FormatVersions#SHARED_STATE}), each object
 * gets its own cache lines at an offset fixed by the YAML order, and every access is an atomic operation on the
 * mapped memory: no lock, no proxy process.
 */
public final class SharedStateFile implements SharedState {
    private static final int ALIGNMENT = 64;
    private static final int MAGIC = 0x534C5348; // "SLSH"
    private static final int VERSION_OFFSET = 4;
    private static final int HEADER_LENGTH = ALIGNMENT;
    private static final Map<Path, SharedStateFile> OPEN = new ConcurrentHashMap<>();

    private final UnsafeBuffer buffer;
    private final Path directory;
    private final Map<String, SharedMaps.Open> maps = new ConcurrentHashMap<>();
    private final Map<String, SharedConfig> objects = new HashMap<>();
    private final Map<String, Integer> offsets = new HashMap<>();

    private SharedStateFile(MappedByteBuffer mapped, PipelineConfig config, Path directory) {
        this.buffer = new UnsafeBuffer(mapped);
        this.directory = directory;
        int offset = HEADER_LENGTH;
        for (SharedConfig shared : config.shared()) {
            objects.put(shared.name(), shared);
            offsets.put(shared.name(), offset);
            offset += align(shared.slots() * Long.BYTES);
        }
    }

    /** Creates the file, zeroed (the run directory does, before any stage starts). */
    public static void create(Path file, PipelineConfig config) throws java.io.IOException {
        long length = HEADER_LENGTH;
        for (SharedConfig shared : config.shared()) {
            length += align(shared.slots() * Long.BYTES);
        }
        MappedByteBuffer mapped = IoUtil.mapNewFile(file.toFile(), length);
        UnsafeBuffer header = new UnsafeBuffer(mapped);
        header.putInt(VERSION_OFFSET, FormatVersions.SHARED_STATE);
        header.putIntVolatile(0, MAGIC);
        IoUtil.unmap(mapped);
        for (SharedConfig shared : config.shared()) {
            if (shared.type() == SharedType.MAP) {
                SharedMaps.create(file.getParent(), shared); // sized once, here
            }
        }
    }

    /** This process's mapping of a run's shared state. */
    public static SharedStateFile open(Path file, PipelineConfig config) {
        return OPEN.computeIfAbsent(file.toAbsolutePath(), f -> {
            if (!Files.exists(f)) {
                throw new IllegalStateException("no shared state file " + f);
            }
            MappedByteBuffer mapped = IoUtil.mapExistingFile(f.toFile(), "shared state");
            UnsafeBuffer header = new UnsafeBuffer(mapped);
            if (header.getIntVolatile(0) != MAGIC || header.getInt(VERSION_OFFSET) != FormatVersions.SHARED_STATE) {
                IoUtil.unmap(mapped);
                throw new IllegalStateException(FormatVersions.incompatible(f, "shared state",
                        header.getInt(VERSION_OFFSET), FormatVersions.SHARED_STATE));
            }
            return new SharedStateFile(mapped, config, f.getParent());
        });
    }

    @Override
    public SharedLong counter(String name) {
        int offset = offset(name, SharedType.COUNTER);
        return new SharedLong() {
            public long get() { return buffer.getLongVolatile(offset); }
            public void set(long value) { buffer.putLongVolatile(offset, value); }
            public long addAndGet(long delta) { return buffer.getAndAddLong(offset, delta) + delta; }
            public boolean compareAndSet(long expected, long value) {
                return buffer.compareAndSetLong(offset, expected, value);
            }
        };
    }

    @Override
    public SharedLongArray longArray(String name) {
        int offset = offset(name, SharedType.LONG_ARRAY);
        int length = objects.get(name).size();
        return new SharedLongArray() {
            public int length() { return length; }
            public long get(int i) { return buffer.getLongVolatile(at(i)); }
            public void set(int i, long value) { buffer.putLongVolatile(at(i), value); }
            public long addAndGet(int i, long delta) { return buffer.getAndAddLong(at(i), delta) + delta; }
            public boolean compareAndSet(int i, long expected, long value) {
                return buffer.compareAndSetLong(at(i), expected, value);
            }

            private int at(int i) {
                if (i < 0 || i >= length) {
                    throw new IndexOutOfBoundsException("index " + i + " of shared array '" + name + "' of " + length);
                }
                return offset + i * Long.BYTES;
            }
        };
    }

    @Override
    public SharedSemaphore semaphore(String name) {
        SharedConfig shared = objects.get(name);
        if (shared == null || !shared.type().hasPermits()) {
            throw new IllegalArgumentException("no shared semaphore or lock '" + name + "' under shared: in the YAML");
        }
        return new PermitTable(buffer, offsets.get(name), shared.slots());
    }

    @Override
    public <K, V> java.util.concurrent.ConcurrentMap<K, V> map(String name, Class<K> keyType, Class<V> valueType) {
        SharedConfig shared = objects.get(name);
        if (shared == null || shared.type() != SharedType.MAP) {
            throw new IllegalArgumentException("no shared map '" + name + "' under shared: in the YAML");
        }
        return maps.computeIfAbsent(name, n -> SharedMaps.open(directory, shared)).as(keyType, valueType);
    }

    private int offset(String name, SharedType type) {
        SharedConfig shared = objects.get(name);
        if (shared == null || shared.type() != type) {
            throw new IllegalArgumentException("no shared " + type.yamlName() + " '" + name + "' under shared: in the YAML");
        }
        return offsets.get(name);
    }

    private static int align(int length) {
        return (length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}
