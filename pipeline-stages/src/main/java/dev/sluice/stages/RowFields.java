package dev.sluice.stages;

import dev.sluice.api.Row;
import dev.sluice.api.RowSchema;
import java.util.List;

/** Named fields of rows, found by index once per schema (rows of one stream mostly share one schema). */
final class RowFields {
    private final List<String> names;
    private RowSchema last;
    private int[] at;

    RowFields(List<String> names) {
        this.names = names;
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** Field {@code i}'s value in {@code row}, null if the row has no such field. */
    Object get(Row row, int i) {
        if (row.schema() != last) {
            last = row.schema();
            at = names.stream().mapToInt(last::indexOf).toArray();
        }
        return at[i] < 0 ? null : row.get(at[i]);
    }

    /** The values of all the fields, in order. */
    Object[] values(Row row) {
        Object[] values = new Object[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = get(row, i);
        }
        return values;
    }
}
