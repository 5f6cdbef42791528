package dev.sluice.api;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@link RowCodec} keeps schemas by id: a run's {@code schemas/} directory (one small file per
 * schema, written by temp file + atomic rename before the first row that uses it is appended, so any
 * process reading the row finds it), or memory alone. One instance per directory per JVM.
 */
final class SchemaRegistry {
    private static final Map<Path, SchemaRegistry> BY_DIRECTORY = new ConcurrentHashMap<>();

    private final Path directory;
    private final Map<Integer, RowSchema> schemas = new ConcurrentHashMap<>();

    private SchemaRegistry(Path directory) {
        this.directory = directory;
    }

    static SchemaRegistry inMemory() {
        return new SchemaRegistry(null);
    }

    static SchemaRegistry in(Path directory) {
        return BY_DIRECTORY.computeIfAbsent(directory.toAbsolutePath().normalize(), SchemaRegistry::new);
    }

    /** Makes {@code schema} findable by its id from every process of the run. */
    void register(RowSchema schema) {
        RowSchema known = schemas.get(schema.id());
        if (known != null) {
            checkSame(known, schema);
            return;
        }
        if (directory != null) {
            RowSchema stored = read(schema.id());
            if (stored != null) {
                checkSame(stored, schema);
            } else {
                write(schema);
            }
        }
        schemas.put(schema.id(), schema);
    }

    RowSchema lookup(int id) {
        RowSchema schema = schemas.get(id);
        if (schema == null && directory != null) {
            schema = read(id);
            if (schema != null) {
                schemas.put(id, schema);
            }
        }
        if (schema == null) {
            throw new IllegalStateException("unknown row schema " + name(id)
                    + (directory == null ? "" : " (not in " + directory + ")"));
        }
        return schema;
    }

    private static void checkSame(RowSchema known, RowSchema schema) {
        if (!known.equals(schema)) {
            throw new IllegalStateException("row schemas " + known + " and " + schema + " have the same id "
                    + name(schema.id()) + ": rename a field of one");
        }
    }

    private RowSchema read(int id) {
        try {
            return RowSchema.decode(Files.readAllBytes(directory.resolve(name(id))));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read row schema " + directory.resolve(name(id)), e);
        }
    }

    private void write(RowSchema schema) {
        try {
            if (!Files.isDirectory(directory)) {
                try {
                    Files.createDirectories(directory.getParent());
                    Files.createDirectory(directory,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first
                }
            }
            Path temp = Files.createTempFile(directory, "." + name(schema.id()), ".tmp");
            Files.write(temp, schema.encode());
            Files.move(temp, directory.resolve(name(schema.id())), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write row schema " + schema + " into " + directory, e);
        }
    }

    private static String name(int id) {
        return String.format("%08x.schema", id);
    }
}
