package dev.sluice.stages;

import java.util.Arrays;

/** The values of a row's key fields (nulls included), ordered by {@link Values}. */
record GroupKey(Object[] values) implements Comparable<GroupKey> {
    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public int compareTo(GroupKey other) {
        return Values.compare(values, other.values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
