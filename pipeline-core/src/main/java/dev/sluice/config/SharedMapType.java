package dev.sluice.config;

/** The key or value type of a shared {@code map} ({@code key:}, {@code value:}). */
public enum SharedMapType implements YamlChoice {
    STRING("string", String.class),
    LONG("long", Long.class),
    DOUBLE("double", Double.class);

    private final String yamlName;
    private final Class<?> javaType;

    SharedMapType(String yamlName, Class<?> javaType) {
        this.yamlName = yamlName;
        this.javaType = javaType;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    public Class<?> javaType() {
        return javaType;
    }
}
