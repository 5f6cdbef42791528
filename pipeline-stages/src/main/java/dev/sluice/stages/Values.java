package dev.sluice.stages;

import java.util.Comparator;

/** The total order of row values the aggregates sort by: null first, then numbers by value, then strings. */
final class Values {
    static final Comparator<Object> ORDER = Values::compare;

    private Values() {
    }

    static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a instanceof String s) {
            return b instanceof String t ? s.compareTo(t) : 1;
        }
        if (b instanceof String) {
            return -1;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        int byValue = Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        return byValue != 0 ? byValue : Boolean.compare(a instanceof Double, b instanceof Double);
    }

    static int compare(Object[] a, Object[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
