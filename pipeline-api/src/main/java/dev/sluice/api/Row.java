package dev.sluice.api;

import java.util.Arrays;

/**
 * A small typed record with named fields (string, long, double, each possibly null): what the CSV
 * and JSON-lines sources emit and the group-by, top-k, distinct and file sinks read. Immutable;
 * build one with {@link #of} or a {@link Builder}, and put it on a queue with a {@link RowCodec}.
 *
 * <pre>{@code
 * RowSchema schema = RowSchema.builder().string("customer").doubleField("amount").build();
 * Row row = Row.of(schema, "c-17", 12.5);
 * double amount = row.getDouble("amount");
 * }</pre>
 */
public final class Row {
    private final RowSchema schema;
    private final Object[] values;

    Row(RowSchema schema, Object[] values) {
        this.schema = schema;
        this.values = values;
    }

    /**
     * A row of {@code schema}'s fields in order: a String, a Long (an Integer is widened), a Double
     * (a Float is widened) or null each.
     */
    public static Row of(RowSchema schema, Object... values) {
        if (values.length != schema.size()) {
            throw new IllegalArgumentException(values.length + " values for " + schema.size() + " fields of " + schema);
        }
        Object[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!schema.type(i).accepts(copy[i])) { // an Integer or Float to widen, or a mistake to report
                Builder builder = new Builder(schema);
                for (int j = 0; j < copy.length; j++) {
                    builder.set(j, copy[j]);
                }
                return builder.build();
            }
        }
        return new Row(schema, copy);
    }

    public static Builder builder(RowSchema schema) {
        return new Builder(schema);
    }

    public RowSchema schema() {
        return schema;
    }

    public int size() {
        return values.length;
    }

    /** The value of field {@code i}: a String, Long, Double or null. */
    public Object get(int i) {
        return values[i];
    }

    public Object get(String name) {
        return values[field(name)];
    }

    public boolean isNull(int i) {
        return values[i] == null;
    }

    public boolean isNull(String name) {
        return values[field(name)] == null;
    }

    /** A string field's value (null if null). */
    public String getString(int i) {
        return (String) typed(i, FieldType.STRING);
    }

    public String getString(String name) {
        return getString(field(name));
    }

    /** A long field's value; throws if it is null. */
    public long getLong(int i) {
        return (Long) present(typed(i, FieldType.LONG), i);
    }

    public long getLong(String name) {
        return getLong(field(name));
    }

    /** A double field's value, or a long field's widened; throws if it is null. */
    public double getDouble(int i) {
        Object value = present(values[i], i);
        if (value instanceof Number number && !(value instanceof String)) {
            return number.doubleValue();
        }
        throw new IllegalStateException("field '" + schema.name(i) + "' is a " + schema.type(i).label() + ", not a number");
    }

    public double getDouble(String name) {
        return getDouble(field(name));
    }

    private int field(String name) {
        int i = schema.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no field '" + name + "' in " + schema);
        }
        return i;
    }

    private Object typed(int i, FieldType type) {
        if (schema.type(i) != type) {
            throw new IllegalStateException("field '" + schema.name(i) + "' is a " + schema.type(i).label()
                    + ", not a " + type.label());
        }
        return values[i];
    }

    private Object present(Object value, int i) {
        if (value == null) {
            throw new IllegalStateException("field '" + schema.name(i) + "' is null");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row other && schema.equals(other.schema) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + Arrays.hashCode(values);
    }

    /** {@code {customer=c-17, amount=12.5}} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(schema.name(i)).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }

    /** Sets fields by index or name, then builds; reusable: each build hands its values over and starts empty. */
    public static final class Builder {
        private final RowSchema schema;
        private Object[] values;

        Builder(RowSchema schema) {
            this.schema = schema;
            this.values = new Object[schema.size()];
        }

        /** A String, Long, Integer, Double, Float or null, as the field's type allows. */
        public Builder set(int i, Object value) {
            if (value instanceof Integer n) {
                value = n.longValue();
            } else if (value instanceof Float f) {
                value = f.doubleValue();
            }
            if (!schema.type(i).accepts(value)) {
                throw new IllegalArgumentException("field '" + schema.name(i) + "' is a " + schema.type(i).label()
                        + ", not a " + value.getClass().getSimpleName() + " (" + value + ")");
            }
            values[i] = value;
            return this;
        }

        public Builder set(String name, Object value) {
            int i = schema.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no field '" + name + "' in " + schema);
            }
            return set(i, value);
        }

        /** Copies the fields of {@code row} that this schema has too (by name). */
        public Builder from(Row row) {
            for (int i = 0; i < row.size(); i++) {
                int j = schema.indexOf(row.schema().name(i));
                if (j >= 0) {
                    set(j, row.get(i));
                }
            }
            return this;
        }

        public Row build() {
            Row row = new Row(schema, values);
            values = new Object[schema.size()];
            return row;
        }
    }
}
