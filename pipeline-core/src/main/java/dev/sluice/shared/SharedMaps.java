package dev.sluice.shared;

import dev.sluice.config.SharedConfig;
import dev.sluice.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentMap;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

/** Shared maps: Chronicle Maps persisted as {@code state/<name>.map}, opened the same way by every process. */
final class SharedMaps {
    /** An open map and its declared types. */
    record Open(ChronicleMap<Object, Object> map, Class<?> keyType, Class<?> valueType) implements AutoCloseable {
        @SuppressWarnings("unchecked")
        <K, V> ConcurrentMap<K, V> as(Class<K> key, Class<V> value) {
            if (!key.equals(keyType) || !value.equals(valueType)) {
                throw new IllegalArgumentException("shared map '" + map.name() + "' holds " + keyType.getSimpleName()
                        + " -> " + valueType.getSimpleName() + ", not " + key.getSimpleName() + " -> " + value.getSimpleName());
            }
            return (ConcurrentMap<K, V>) map;
        }

        @Override
        public void close() {
            map.close();
        }
    }

    static {
        dev.sluice.queue.ChronicleStartup.lean();
    }

    private SharedMaps() {
    }

    /**
     * Creates a map's file with every block allocated, so no write into it can meet a full disk (a SIGBUS
     * through the mapping). Chronicle Map would allocate it with posix_fallocate through JNR, which Sluice
     * does not load ({@link dev.sluice.queue.ChronicleStartup}).
     */
    static void create(Path stateDir, SharedConfig shared) throws IOException {
        open(stateDir, shared).close();
        dev.sluice.files.DiskSpace.allocate(file(stateDir, shared));
    }

    private static Path file(Path stateDir, SharedConfig shared) {
        return stateDir.resolve(shared.name() + ".map");
    }

    @SuppressWarnings("unchecked")
    static Open open(Path stateDir, SharedConfig shared) {
        Class<?> key = shared.keyType().javaType();
        Class<?> value = shared.valueType().javaType();
        ChronicleMapBuilder<Object, Object> builder = (ChronicleMapBuilder<Object, Object>) ChronicleMap
                .of(key, value).name(shared.name()).entries(shared.size());
        if (key == String.class) {
            builder.averageKey("a-typical-key-0000");
        }
        if (value == String.class) {
            builder.averageValue("a typical value, some forty bytes long..");
        }
        try {
            Path file = file(stateDir, shared);
            Open open = new Open(builder.createPersistedTo(file.toFile()), key, value);
            PrivateFiles.restrict(file); // made with this JVM's umask, which may be looser than a stage process's
            return open;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open shared map " + shared.name(), e);
        }
    }
}
