package dev.sluice.config;

import dev.sluice.api.Aggregate;
import dev.sluice.api.BatchProcessor;
import dev.sluice.api.BatchSource;
import dev.sluice.api.Processor;
import dev.sluice.api.Source;
import java.util.List;

/** The three stage shapes; YAML spells them {@code source}, {@code parallel}, {@code aggregate}. */
public enum StageKind implements YamlChoice {
    SOURCE("source", Source.class, BatchSource.class),
    PARALLEL("parallel", Processor.class, BatchProcessor.class),
    AGGREGATE("aggregate", Aggregate.class);

    private final String yamlName;
    private final List<Class<?>> stageInterfaces;

    StageKind(String yamlName, Class<?>... stageInterfaces) {
        this.yamlName = yamlName;
        this.stageInterfaces = List.of(stageInterfaces);
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** The interface of this kind that {@code type} implements, or null. */
    public Class<?> implementedBy(Class<?> type) {
        for (Class<?> stageInterface : stageInterfaces) {
            if (stageInterface.isAssignableFrom(type)) {
                return stageInterface;
            }
        }
        return null;
    }

    /** Whether this kind appends to queues that later stages read. */
    public boolean writesQueue() {
        return this != AGGREGATE;
    }
}
