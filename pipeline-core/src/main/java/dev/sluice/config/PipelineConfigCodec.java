package dev.sluice.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;

/**
 * A validated {@link PipelineConfig} as bytes, so that the supervisor hands its stage processes the configuration
 * it resolved (parameters filled in, classes checked, built-in types found) and they never parse YAML, check
 * classes or scan for stage catalogs again. Java serialization, with this package's records (which need not be
 * {@code Serializable}) and paths written as their components, so a component added to a record travels without
 * more code; only this package's types and JDK values are read back. The class loader is not sent: the reader
 * gives its own (a stage process's class path already holds the pipeline's {@code class-path}).
 */
public final class PipelineConfigCodec {
    private static final ObjectInputFilter BY_NAME =
            ObjectInputFilter.Config.createFilter("maxdepth=20;dev.sluice.config.*;java.lang.*;java.util.*;!*");
    /** The names, and the paths {@link Reader#resolveObject} makes (the file system's own Path class). */
    private static final ObjectInputFilter ONLY_CONFIG = info ->
            info.serialClass() != null && Path.class.isAssignableFrom(info.serialClass())
                    ? ObjectInputFilter.Status.ALLOWED : BY_NAME.checkInput(info);

    private PipelineConfigCodec() {
    }

    public static byte[] encode(PipelineConfig config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (Writer out = new Writer(bytes)) {
            out.writeObject(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the configuration of pipeline " + config.name(), e);
        }
        return bytes.toByteArray();
    }

    /** @param stageLoader what the decoded configuration loads stage classes with */
    public static PipelineConfig decode(byte[] encoded, ClassLoader stageLoader) throws IOException {
        try (Reader in = new Reader(new ByteArrayInputStream(encoded), stageLoader)) {
            return (PipelineConfig) in.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new InvalidObjectException("not an encoded pipeline configuration: " + e);
        }
    }

    /** A record of this package, as its type and component values. */
    private record RecordForm(String type, Object[] components) implements Serializable {
    }

    private record PathForm(String path) implements Serializable {
    }

    private static final class Writer extends ObjectOutputStream {
        Writer(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object value) throws IOException {
            if (value instanceof Path path) {
                return new PathForm(path.toString());
            }
            if (value instanceof ClassLoader) {
                return null;
            }
            if (value instanceof YamlOptions options) {
                return replaceObject(options.form());
            }
            if (value instanceof Record record && !(value instanceof Serializable)) {
                RecordComponent[] parts = record.getClass().getRecordComponents();
                Object[] components = new Object[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        components[i] = parts[i].getAccessor().invoke(record);
                    } catch (ReflectiveOperationException e) {
                        throw new IOException("cannot read " + parts[i], e);
                    }
                }
                return new RecordForm(record.getClass().getName(), components);
            }
            return value;
        }
    }

    private static final class Reader extends ObjectInputStream {
        private final ClassLoader stageLoader;

        Reader(InputStream in, ClassLoader stageLoader) throws IOException {
            super(in);
            this.stageLoader = stageLoader;
            setObjectInputFilter(ONLY_CONFIG);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object value) throws IOException {
            if (value instanceof PathForm form) {
                return Path.of(form.path());
            }
            if (value instanceof RecordForm form) {
                Object record = build(form);
                return record instanceof YamlOptions.Form options ? options.options() : record;
            }
            return value;
        }

        private Object build(RecordForm form) throws IOException {
            try {
                Class<?> type = Class.forName(form.type(), false, PipelineConfigCodec.class.getClassLoader());
                if (!type.isRecord() || !type.getPackageName().equals(PipelineConfigCodec.class.getPackageName())) {
                    throw new InvalidObjectException(form.type() + " is not a configuration record");
                }
                RecordComponent[] parts = type.getRecordComponents();
                Class<?>[] types = new Class<?>[parts.length];
                Object[] values = form.components().clone();
                for (int i = 0; i < parts.length; i++) {
                    types[i] = parts[i].getType();
                    if (types[i] == ClassLoader.class) {
                        values[i] = stageLoader;
                    }
                }
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new InvalidObjectException("cannot rebuild " + form.type() + ": " + e);
            }
        }
    }
}
