package dev.sluice.config;

import dev.sluice.api.StageCatalog;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds stage classes: built-in {@code type:} names through {@link StageCatalog}s, and {@code class:} names. */
final class StageClasses {
    private final Map<String, String> types = new TreeMap<>();

    StageClasses() {
        for (StageCatalog catalog : ServiceLoader.load(StageCatalog.class, loader())) {
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
        Class<?> type;
        try {
            type = Class.forName(className, false, loader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("class '" + className + "' not found on the class path");
        }
        StageKind found = null;
        for (StageKind kind : StageKind.values()) {
            if (kind.stageInterface().isAssignableFrom(type)) {
                if (found != null) {
                    throw new IllegalArgumentException("class '" + className + "' implements more than one of Source, Processor, Aggregate");
                }
                found = kind;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("class '" + className + "' is not a Source, Processor or Aggregate");
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
        }
        return found;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : StageClasses.class.getClassLoader();
    }
}
