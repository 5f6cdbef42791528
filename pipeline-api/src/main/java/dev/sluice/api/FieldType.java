package dev.sluice.api;

import java.util.Locale;

/** The type of a {@link Row} field; any field may also be null. */
public enum FieldType {
    STRING(String.class), LONG(Long.class), DOUBLE(Double.class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** {@code string}, {@code long} or {@code double}, as YAML names them. */
    public static FieldType parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "string": return STRING;
            case "long": return LONG;
            case "double": return DOUBLE;
            default: throw new IllegalArgumentException("unknown field type '" + name + "': use string, long or double");
        }
    }

    /** The type's YAML name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code value} (a String, Long, Double or null) may be stored in a field of this type. */
    boolean accepts(Object value) {
        return value == null || value.getClass() == javaType;
    }
}
