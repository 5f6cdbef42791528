package dev.sluice.config;

import dev.sluice.api.StageCatalog;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds stage classes through one class loader (Sluice's own, and the pipeline's {@code class-path}):
 * built-in {@code type:} names through {@link StageCatalog}s, and {@code class:} names.
 */
final class StageClasses {
    private final Map<String, String> types = new TreeMap<>();
    private final ClassLoader loader;

    StageClasses(ClassLoader loader) {
        this.loader = loader;
        for (StageCatalog catalog : ServiceLoader.load(StageCatalog.class, loader)) {
            types.putAll(catalog.stages());
        }
    }

    /** The class of a built-in type, or null. */
    String typeClass(String type) {
        return types.get(type);
    }

    String knownTypes() {
        return types.isEmpty() ? "(none on the class path)" : String.join(", ", types.keySet());
    }

    /** The stage kind a class implements; throws IllegalArgumentException saying why it is not usable. */
    StageKind kindOf(String className) {
        Class<?> type = load(className);
        StageKind found = null;
        for (StageKind kind : StageKind.values()) {
            if (kind.implementedBy(type) != null) {
                if (found != null) {
                    throw new IllegalArgumentException("class '" + className + "' is more than one of a source, a processor and an aggregate");
                }
                found = kind;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("class '" + className
                    + "' is not a Source, Processor or Aggregate (nor a BatchSource, BatchProcessor or BatchAggregate)");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("class '" + className + "' is abstract");
        }
        try {
            if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
                throw new NoSuchMethodException();
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("class '" + className + "' has no public no-argument constructor");
        } catch (LinkageError e) {
            throw unloadable(className, e);
        }
        return found;
    }

    /** Whether an aggregate class merges partitions' states (overrides Aggregate.merge). */
    boolean merges(String className) {
        try {
            return load(className).getMethod("merge", java.io.InputStream.class).getDeclaringClass()
                    != dev.sluice.api.Aggregate.class;
        } catch (NoSuchMethodException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The class, not initialised; throws IllegalArgumentException if it is not on the class path, or is there
     * but cannot be loaded (a class it needs is missing, it was compiled for a newer Java...), saying which.
     */
    Class<?> load(String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class '" + className + "' not found on the class path"
                    + " (a class of your own: add its directory or jar with --class-path or class-path:)", e);
        } catch (LinkageError e) {
            throw unloadable(className, e);
        }
    }

    static IllegalArgumentException unloadable(String className, LinkageError e) {
        String why = e instanceof NoClassDefFoundError
                ? "it needs " + String.valueOf(e.getMessage()).replace('/', '.') + ", which is not on the class path"
                        + " (add the jar that holds it with --class-path or class-path:)"
                : e instanceof UnsupportedClassVersionError
                        ? "it was compiled for a newer Java than this one (" + e.getMessage() + ")"
                        : e.toString();
        return new IllegalArgumentException("class '" + className + "' is on the class path but cannot be loaded: "
                + why, e);
    }
}
