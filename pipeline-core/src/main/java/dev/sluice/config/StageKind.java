package dev.sluice.config;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Processor;
import dev.sluice.api.Source;

/** The three stage shapes; YAML spells them {@code source}, {@code parallel}, {@code aggregate}. */
public enum StageKind {
    SOURCE("source", Source.class),
    PARALLEL("parallel", Processor.class),
    AGGREGATE("aggregate", Aggregate.class);

    private final String yamlName;
    private final Class<?> stageInterface;

    StageKind(String yamlName, Class<?> stageInterface) {
        this.yamlName = yamlName;
        this.stageInterface = stageInterface;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The API interface a stage class of this kind implements. */
    public Class<?> stageInterface() {
        return stageInterface;
    }

    /** Whether this kind appends to queues that later stages read. */
    public boolean writesQueue() {
        return this != AGGREGATE;
    }
}
