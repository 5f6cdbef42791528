package dev.sluice.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** One entry of {@code stages:} to a {@link StageConfig}, and {@code defaults:} to the {@link StageSettings} under them. */
final class StageSection {
    /** The keys of {@link StageSettings}: what {@code defaults:} may hold and a stage may override. */
    static final Set<String> SETTING_KEYS = Set.of("jvm-options", "idle", "batch-max", "claim-size", "hang-timeout",
            "snapshot-every", "on-error", "poison-after", "max-lag");
    static final Set<String> KEYS = union(SETTING_KEYS, Set.of("name", "kind", "type", "class", "workers", "inputs",
            "ordered", "partitions", "embedded", "options"));
    static final int MAX_BATCH = 1_000_000;
    /** The largest claim-size: what the claim counter can hold (PackedClaim). */
    static final int MAX_CLAIM = (1 << 20) - 1;
    static final int MAX_PARTITIONS = 64;

    private final YamlNodes yaml;
    private final ConfigProblems problems;
    private final StageClasses classes;
    private final Path baseDir;

    StageSection(YamlNodes yaml, StageClasses classes, Path baseDir) {
        this.yaml = yaml;
        this.problems = yaml.problems();
        this.classes = classes;
        this.baseDir = baseDir;
    }

    /** {@code defaults:}, over {@link StageSettings#DEFAULT}. */
    StageSettings defaults(Node node) {
        if (node == null) {
            return StageSettings.DEFAULT;
        }
        return settings(yaml.mapping(node, SETTING_KEYS, "defaults"), StageSettings.DEFAULT);
    }

    /** The settings in {@code map} over {@code base}; {@code jvm-options} add to the base's. */
    private StageSettings settings(Map<String, Node> map, StageSettings base) {
        List<String> jvm = new ArrayList<>(base.jvmOptions());
        jvm.addAll(yaml.list(map.get("jvm-options"), "jvm-options", List.of()));
        return new StageSettings(jvm,
                yaml.choice(map.get("idle"), "idle", IdleMode.class, base.idle()),
                yaml.number(map.get("batch-max"), "batch-max", base.batchMax(), 1, MAX_BATCH),
                claimSize(map.get("claim-size"), base.claimSize()),
                yaml.duration(map.get("hang-timeout"), "hang-timeout", base.hangTimeoutMillis()),
                yaml.duration(map.get("snapshot-every"), "snapshot-every", base.snapshotEveryMillis()),
                yaml.choice(map.get("on-error"), "on-error", ErrorPolicy.class, base.onError()),
                yaml.number(map.get("poison-after"), "poison-after", base.poisonAfter(), 1, 1000),
                yaml.number(map.get("max-lag"), "max-lag", (int) base.maxLag(), 1, Integer.MAX_VALUE));
    }

    /** A stage, or null if it has no name (reported). */
    StageConfig stage(Node node, StageSettings defaults) {
        Map<String, Node> map = yaml.mapping(node, KEYS, "a stage");
        String name = yaml.scalar(map.get("name"), "name");
        if (name == null) {
            if (!map.containsKey("name")) {
                problems.add(node, "stage without 'name'");
            }
            return null;
        }
        if (!name.matches("[A-Za-z0-9_-]+")) {
            problems.add(map.get("name"), "stage name '" + name + "' may use only letters, digits, '_' and '-'");
        }
        String className = stageClass(name, node, map);
        StageKind kind = kind(name, className, map);
        int workers = workers(map.get("workers"), kind);
        List<String> inputs = yaml.list(map.get("inputs"), "inputs", List.of());
        boolean ordered = yaml.bool(map.get("ordered"), "ordered", false);
        if (kind == StageKind.SOURCE && !inputs.isEmpty()) {
            problems.add(map.get("inputs"), "a source stage reads no inputs");
        }
        if (kind != null && kind != StageKind.SOURCE && inputs.isEmpty()) {
            problems.add(node, "stage '" + name + "' (" + kind.yamlName() + ") needs 'inputs'");
        }
        if (ordered && kind != null && kind != StageKind.AGGREGATE) {
            problems.add(map.get("ordered"), "'ordered' applies only to aggregate stages");
        }
        if (map.containsKey("claim-size") && kind != null && kind != StageKind.PARALLEL) {
            problems.add(map.get("claim-size"), "'claim-size' applies only to parallel stages");
        }
        int partitions = partitions(map.get("partitions"), kind, className);
        boolean embedded = embedded(map.get("embedded"), kind);
        if (partitions > 1) {
            workers = partitions; // one aggregate process per partition
            if (embedded) {
                problems.add(map.get("embedded"), "embedded: a partitioned aggregate runs one process per partition;"
                        + " embed an unpartitioned one");
            }
        }
        return new StageConfig(name, kind, className, workers, inputs, ordered, partitions, embedded,
                settings(map, defaults), options(name, node, map.get("options")), yaml.location(node));
    }

    /** The kind the class implements, checked against {@code kind:} if given; null if unknown (reported). */
    private StageKind kind(String name, String className, Map<String, Node> map) {
        StageKind kind = null;
        if (className != null) {
            try {
                kind = classes.kindOf(className);
            } catch (IllegalArgumentException e) {
                problems.add(map.containsKey("class") ? map.get("class") : map.get("type"), e.getMessage());
            }
        }
        String kindText = yaml.scalar(map.get("kind"), "kind");
        if (kindText != null) {
            StageKind declared = YamlChoice.find(StageKind.class, kindText);
            if (declared == null) {
                problems.add(map.get("kind"), "kind must be " + YamlChoice.spellings(StageKind.class) + ", got '"
                        + kindText + "'");
            } else if (kind != null && declared != kind) {
                problems.add(map.get("kind"), "stage '" + name + "' is declared " + kindText + " but " + className
                        + " is a " + kind.implementedBy(classes.load(className)).getSimpleName()
                        + " (" + kind.yamlName() + ")");
            }
        }
        return kind;
    }

    private String stageClass(String name, Node node, Map<String, Node> map) {
        String type = yaml.scalar(map.get("type"), "type");
        String className = yaml.scalar(map.get("class"), "class");
        if (map.containsKey("type") && map.containsKey("class")) {
            problems.add(map.get("class"), "stage '" + name + "' has both 'type' and 'class'; give one");
            return null;
        }
        if (type != null) {
            String resolved = classes.typeClass(type);
            if (resolved == null) {
                problems.add(map.get("type"), "unknown stage type '" + type + "'; built-in types: " + classes.knownTypes());
            }
            return resolved;
        }
        if (className == null && !map.containsKey("class")) {
            problems.add(node, "stage '" + name + "' needs 'type' (a built-in) or 'class'");
        }
        return className;
    }

    private int workers(Node node, StageKind kind) {
        String text = yaml.scalar(node, "workers");
        if (text == null) {
            return kind == StageKind.PARALLEL ? Runtime.getRuntime().availableProcessors() : 1;
        }
        int workers;
        if (text.equals("auto")) {
            workers = Runtime.getRuntime().availableProcessors();
        } else {
            try {
                workers = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                workers = 0;
            }
            if (workers < 1) {
                problems.add(node, "workers: expected a whole number >= 1 or 'auto', got '" + text + "'");
                return 1;
            }
        }
        if (kind != null && kind != StageKind.PARALLEL && workers != 1) {
            problems.add(node, "workers: a " + kind.yamlName() + " stage runs as exactly one process");
            return 1;
        }
        return workers;
    }

    /** {@code claim-size}: a number of documents, or {@code auto} (adapts to the cost per document). */
    private int claimSize(Node node, int defaultValue) {
        String text = yaml.scalar(node, "claim-size");
        if (text == null) {
            return defaultValue;
        }
        if (text.equals("auto")) {
            return StageSettings.AUTO_CLAIM;
        }
        try {
            int value = Integer.parseInt(text.replace("_", ""));
            if (value >= 1 && value <= MAX_CLAIM) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(node, "claim-size: expected auto or a whole number from 1 to " + MAX_CLAIM + ", got '" + text + "'");
        return defaultValue;
    }

    /** {@code partitions}: aggregate processes the records are routed to by key hash; the class must merge states. */
    private int partitions(Node node, StageKind kind, String className) {
        int partitions = yaml.number(node, "partitions", 1, 1, MAX_PARTITIONS);
        if (node == null || partitions == 1 || kind == null) {
            return 1;
        }
        if (kind != StageKind.AGGREGATE) {
            problems.add(node, "'partitions' applies only to aggregate stages");
            return 1;
        }
        if (!classes.merges(className)) {
            problems.add(node, "partitions: " + className + " cannot merge partitions' states (it does not implement"
                    + " Aggregate.merge); use partitions: 1");
            return 1;
        }
        return partitions;
    }

    private boolean embedded(Node node, StageKind kind) {
        boolean embedded = yaml.bool(node, "embedded", false);
        if (embedded && kind == StageKind.PARALLEL) {
            problems.add(node, "embedded: a parallel stage runs as its workers' processes; embed a source or an aggregate");
        }
        return embedded;
    }

    private YamlOptions options(String stage, Node stageNode, Node node) {
        Map<String, YamlOptions.Value> values = new LinkedHashMap<>();
        if (node != null) {
            if (!(node instanceof MappingNode mapping)) {
                problems.add(node, "'options' must be a map of option names to values");
            } else {
                for (NodeTuple tuple : mapping.getValue()) {
                    String key = yaml.key(tuple.getKeyNode());
                    if (key == null) {
                        continue;
                    }
                    if (values.containsKey(key)) {
                        problems.add(tuple.getKeyNode(), "duplicate option '" + key + "'");
                    }
                    Node value = tuple.getValueNode();
                    List<String> list = yaml.list(value, key);
                    if (list != null) {
                        values.put(key, new YamlOptions.Value(list, value instanceof SequenceNode, yaml.location(value)));
                    }
                }
            }
        }
        return new YamlOptions(stage, yaml.location(node != null ? node : stageNode), baseDir, values);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
