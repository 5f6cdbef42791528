package dev.sluice.stages;

import dev.sluice.api.FieldType;
import dev.sluice.api.Options;
import java.util.ArrayList;
import java.util.List;

/**
 * A field a source keeps: {@code name} or {@code name:type} in YAML (type string, long or double;
 * default string). A colon not followed by a type is part of the name.
 */
record Column(String name, FieldType type) {
    /** The option's list of columns, or an empty list if it is not set. */
    static List<Column> list(Options options, String key) {
        List<Column> columns = new ArrayList<>();
        if (!options.has(key)) {
            return columns;
        }
        for (String spec : options.getList(key)) {
            int colon = spec.lastIndexOf(':');
            FieldType type = FieldType.STRING;
            String name = spec;
            if (colon > 0) {
                try {
                    type = FieldType.parse(spec.substring(colon + 1).trim());
                    name = spec.substring(0, colon).trim();
                } catch (IllegalArgumentException notAType) {
                    // a name with a colon in it
                }
            }
            if (name.isEmpty()) {
                throw options.error(key, "a column needs a name: '" + spec + "'");
            }
            columns.add(new Column(name, type));
        }
        return columns;
    }
}
