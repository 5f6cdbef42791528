package dev.sluice.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed values out of one file's YAML nodes, parameters filled in. A value that is wrong adds a problem at its
 * node and gives the default, so loading goes on and every problem in the file is reported at once.
 */
final class YamlNodes {
    /** The tags plain YAML resolves by itself; snakeyaml tags a plain ${...} scalar ENV, which we fill as a parameter. */
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP, Tag.ENV_TAG);

    private final ConfigProblems problems;
    private final Parameters parameters;
    private final String label;

    YamlNodes(ConfigProblems problems, Parameters parameters, String label) {
        this.problems = problems;
        this.parameters = parameters;
        this.label = label;
    }

    ConfigProblems problems() {
        return problems;
    }

    /** {@code file:line:column} of a node. */
    String location(Node node) {
        return Located.at(label, node);
    }

    /** A map's entries by key, reporting unknown and duplicate keys at the key. */
    Map<String, Node> mapping(Node node, Set<String> known, String what) {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, what + " must be a map of keys to values");
            return entries;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = key(tuple.getKeyNode());
            if (key == null) {
                continue;
            }
            if (!known.contains(key)) {
                problems.add(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of "
                        + String.join(", ", known.stream().sorted().toList()));
            } else if (entries.containsKey(key)) {
                problems.add(tuple.getKeyNode(), "duplicate key '" + key + "'");
            } else {
                entries.put(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    String key(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problems.add(node, "keys must be plain names");
        return null;
    }

    /** A scalar's text with parameters filled; null (and a problem) if it is not a scalar or a parameter is missing. */
    String scalar(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(node, what + ": expected a single value");
            return null;
        }
        try {
            return parameters.fill(scalar.getValue());
        } catch (Parameters.Missing | IllegalArgumentException e) {
            problems.add(node, e.getMessage());
            return null;
        }
    }

    String scalar(Node node, String what, String defaultValue) {
        String text = scalar(node, what);
        return text != null ? text : defaultValue;
    }

    /** A list of scalars, or one scalar as a list of one; null if there is no node. */
    List<String> list(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof SequenceNode seq) {
            List<String> values = new ArrayList<>();
            for (Node item : seq.getValue()) {
                String value = scalar(item, what);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }
        String value = scalar(node, what);
        return value == null ? null : List.of(value);
    }

    List<String> list(Node node, String what, List<String> defaultValue) {
        List<String> values = list(node, what);
        return values != null ? values : defaultValue;
    }

    int number(Node node, String what, int defaultValue, int min, int max) {
        String text = scalar(node, what);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.replace("_", ""));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(node, what + ": expected a whole number from " + min + " to " + max + ", got '" + text + "'");
        return defaultValue;
    }

    boolean bool(Node node, String what, boolean defaultValue) {
        String text = scalar(node, what);
        if (text == null) {
            return defaultValue;
        }
        if (!text.equals("true") && !text.equals("false")) {
            problems.add(node, what + ": expected true or false, got '" + text + "'");
            return defaultValue;
        }
        return Boolean.parseBoolean(text);
    }

    long duration(Node node, String what, long defaultMillis) {
        return measure(node, what, defaultMillis, Durations::millis, "a duration such as 500ms, 2s or 1m");
    }

    long size(Node node, String what, long defaultBytes) {
        return measure(node, what, defaultBytes, Sizes::bytes, "a size such as 512MB, 2GB or 1TB");
    }

    /** A scalar read by {@code parse}, which gives -1 for text that is not {@code expected}. */
    private long measure(Node node, String what, long defaultValue, ToLongFunction<String> parse, String expected) {
        String text = scalar(node, what);
        if (text == null) {
            return defaultValue;
        }
        long value = parse.applyAsLong(text);
        if (value < 0) {
            problems.add(node, what + ": expected " + expected + ", got '" + text + "'");
            return defaultValue;
        }
        return value;
    }

    /** One of an enum's YAML spellings. */
    <E extends Enum<E> & YamlChoice> E choice(Node node, String what, Class<E> type, E defaultValue) {
        String text = scalar(node, what);
        if (text == null) {
            return defaultValue;
        }
        E value = YamlChoice.find(type, text);
        if (value == null) {
            problems.add(node, what + ": expected " + YamlChoice.spellings(type) + ", got '" + text + "'");
            return defaultValue;
        }
        return value;
    }

    /** Reports every tag but the plain ones, anywhere under {@code node}. */
    void rejectTags(Node node) {
        if (!PLAIN_TAGS.contains(node.getTag())) {
            problems.add(node, "tags are not allowed (" + node.getTag().getValue() + ")");
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                rejectTags(tuple.getKeyNode());
                rejectTags(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(this::rejectTags);
        }
    }
}
