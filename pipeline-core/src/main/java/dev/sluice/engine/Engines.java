package dev.sluice.engine;

import dev.sluice.api.ConfigException;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds an {@link Engine} by name among those on the class path. */
public final class Engines {
    /** The default: every stage worker as its own JVM on this machine. */
    public static final String LOCAL = "local";

    private Engines() {
    }

    /** The engine called {@code name}; a {@link ConfigException} saying what is on the class path if none is. */
    public static Engine find(String name) {
        TreeSet<String> known = new TreeSet<>();
        known.add(LOCAL);
        for (Engine engine : ServiceLoader.load(Engine.class, loader())) {
            if (engine.name().equals(name)) {
                return engine;
            }
            known.add(engine.name());
        }
        String hint = name.startsWith("flink")
                ? ": it comes with pipeline-flink, which is not on the class path (scripts/sluice adds it for"
                + " --engine flink and --engine flink-local; build it with mvn package)"
                : "";
        throw new ConfigException("unknown engine '" + name + "'" + hint + "; engines here: " + String.join(", ", known));
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Engines.class.getClassLoader();
    }
}
