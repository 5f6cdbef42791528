package dev.sluice.config;

import java.util.ArrayList;
import java.util.List;

/** A setting with a fixed set of values, each an enum constant with the spelling YAML uses for it. */
public interface YamlChoice {
    String yamlName();

    /** The constant of {@code type} spelled {@code text} in YAML, or null. */
    static <E extends Enum<E> & YamlChoice> E find(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.yamlName().equals(text)) {
                return value;
            }
        }
        return null;
    }

    /** {@code "a, b or c"}: the spellings of {@code type}, for messages. */
    static <E extends Enum<E> & YamlChoice> String spellings(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            names.add(value.yamlName());
        }
        String last = names.remove(names.size() - 1);
        return names.isEmpty() ? last : String.join(", ", names) + " or " + last;
    }
}
