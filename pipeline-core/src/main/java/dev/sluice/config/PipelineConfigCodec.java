package dev.sluice.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated {@link PipelineConfig} as bytes, so that the supervisor hands its stage processes the configuration
 * it resolved (parameters filled in, classes checked, built-in types found) and they never parse YAML, check
 * classes or scan for stage catalogs again. Records of this package are written as their components, found by
 * reflection, so a component added to a record travels without more code; the values are tagged: strings,
 * numbers, booleans, paths, lists, maps, this package's enums and records, nothing else, so only configuration is
 * read back. Not Java serialization: its record support and reflection accessors spin dozens of classes at run
 * time, which every stage process paid at start-up. The class loader is not sent: the reader gives its own (a stage
 * process's class path already holds the pipeline's {@code class-path}).
 */
public final class PipelineConfigCodec {
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INT = 2;
    private static final byte LONG = 3;
    private static final byte BOOLEAN = 4;
    private static final byte DOUBLE = 5;
    private static final byte PATH = 6;
    private static final byte LIST = 7;
    private static final byte MAP = 8;
    private static final byte ENUM = 9;
    private static final byte RECORD = 10;
    private static final String PACKAGE = PipelineConfigCodec.class.getPackageName();
    private static final int MAX_DEPTH = 20;

    private PipelineConfigCodec() {
    }

    public static byte[] encode(PipelineConfig config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try {
            write(new DataOutputStream(bytes), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the configuration of pipeline " + config.name(), e);
        }
        return bytes.toByteArray();
    }

    /** @param stageLoader what the decoded configuration loads stage classes with */
    public static PipelineConfig decode(byte[] encoded, ClassLoader stageLoader) throws IOException {
        Reader reader = new Reader(new DataInputStream(new ByteArrayInputStream(encoded)), stageLoader);
        try {
            return (PipelineConfig) reader.read(0);
        } catch (ClassCastException | EOFException e) {
            throw new InvalidObjectException("not an encoded pipeline configuration: " + e);
        }
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null || value instanceof ClassLoader) {
            out.writeByte(NULL); // the reader puts its own class loader in
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            writeString(out, text);
        } else if (value instanceof Integer number) {
            out.writeByte(INT);
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof Path path) {
            out.writeByte(PATH);
            writeString(out, path.toString());
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                write(out, element);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(out, entry.getKey());
                write(out, entry.getValue());
            }
        } else if (value instanceof Enum<?> constant && isOurs(constant.getDeclaringClass())) {
            out.writeByte(ENUM);
            writeString(out, constant.getDeclaringClass().getName());
            writeString(out, constant.name());
        } else if (value instanceof YamlOptions options) {
            write(out, options.form());
        } else if (value instanceof Record record && isOurs(record.getClass())) {
            RecordComponent[] parts = record.getClass().getRecordComponents();
            out.writeByte(RECORD);
            writeString(out, record.getClass().getName());
            out.writeInt(parts.length);
            for (RecordComponent part : parts) {
                try {
                    write(out, part.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot read " + part, e);
                }
            }
        } else {
            throw new IOException("not a configuration value: " + value.getClass().getName());
        }
    }

    /** Any length (a pipeline's YAML text may pass writeUTF's 64 KB). */
    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static boolean isOurs(Class<?> type) {
        return type.getPackageName().equals(PACKAGE);
    }

    /** A record's canonical constructor and where its class loader goes. */
    private record Canonical(Constructor<?> constructor, int components, int classLoaderIndex) {
    }

    private static final class Reader {
        private final DataInputStream in;
        private final ClassLoader stageLoader;
        private final Map<String, Canonical> canonicals = new HashMap<>();

        Reader(DataInputStream in, ClassLoader stageLoader) {
            this.in = in;
            this.stageLoader = stageLoader;
        }

        Object read(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new InvalidObjectException("configuration nested deeper than " + MAX_DEPTH);
            }
            byte tag = in.readByte();
            return switch (tag) {
                case NULL -> null;
                case STRING -> readString();
                case INT -> in.readInt();
                case LONG -> in.readLong();
                case BOOLEAN -> in.readBoolean();
                case DOUBLE -> in.readDouble();
                case PATH -> Path.of(readString());
                case LIST -> readList(depth);
                case MAP -> readMap(depth);
                case ENUM -> readEnum();
                case RECORD -> readRecord(depth);
                default -> throw new InvalidObjectException("not an encoded pipeline configuration: tag " + tag);
            };
        }

        private List<Object> readList(int depth) throws IOException {
            int size = readSize();
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(read(depth + 1));
            }
            return Collections.unmodifiableList(list);
        }

        /** In the order written (a stage's options keep their YAML order). */
        private Map<Object, Object> readMap(int depth) throws IOException {
            int size = readSize();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put(read(depth + 1), read(depth + 1));
            }
            return Collections.unmodifiableMap(map);
        }

        private String readString() throws IOException {
            byte[] utf8 = new byte[readSize()];
            in.readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        /** A count or length, checked against what is left, so a corrupt one fails instead of allocating. */
        private int readSize() throws IOException {
            int size = in.readInt();
            if (size < 0 || size > in.available()) {
                throw new InvalidObjectException("not an encoded pipeline configuration: size " + size);
            }
            return size;
        }

        private Object readEnum() throws IOException {
            Class<?> type = ourClass(readString());
            String name = readString();
            if (!type.isEnum()) {
                throw new InvalidObjectException(type.getName() + " is not a configuration enum");
            }
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new InvalidObjectException("no " + name + " in " + type.getName());
        }

        private Object readRecord(int depth) throws IOException {
            Canonical canonical = canonical(readString());
            int count = in.readInt();
            if (count != canonical.components()) {
                throw new InvalidObjectException("a " + canonical.constructor().getDeclaringClass().getName()
                        + " of " + count + " components: written by another build of Sluice");
            }
            Object[] values = new Object[count];
            for (int i = 0; i < count; i++) {
                values[i] = read(depth + 1);
            }
            if (canonical.classLoaderIndex() >= 0) {
                values[canonical.classLoaderIndex()] = stageLoader;
            }
            Object record;
            try {
                record = canonical.constructor().newInstance(values);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new InvalidObjectException("cannot rebuild " + canonical.constructor().getDeclaringClass().getName()
                        + ": " + e);
            }
            return record instanceof YamlOptions.Form options ? options.options() : record;
        }

        private Canonical canonical(String typeName) throws IOException {
            Canonical known = canonicals.get(typeName);
            if (known != null) {
                return known;
            }
            Class<?> type = ourClass(typeName);
            if (!type.isRecord()) {
                throw new InvalidObjectException(typeName + " is not a configuration record");
            }
            RecordComponent[] parts = type.getRecordComponents();
            Class<?>[] types = new Class<?>[parts.length];
            int classLoaderIndex = -1;
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                if (types[i] == ClassLoader.class) {
                    classLoaderIndex = i;
                }
            }
            try {
                Canonical canonical = new Canonical(type.getDeclaredConstructor(types), parts.length, classLoaderIndex);
                canonicals.put(typeName, canonical);
                return canonical;
            } catch (NoSuchMethodException e) {
                throw new InvalidObjectException("cannot rebuild " + typeName + ": " + e);
            }
        }

        /** A class of this package, by name, not initialised before it is known to be one. */
        private static Class<?> ourClass(String name) throws IOException {
            if (!name.startsWith(PACKAGE + ".") || name.indexOf('.', PACKAGE.length() + 1) >= 0) {
                throw new InvalidObjectException(name + " is not a configuration type");
            }
            try {
                return Class.forName(name, false, PipelineConfigCodec.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new InvalidObjectException("not an encoded pipeline configuration: " + e);
            }
        }
    }
}
