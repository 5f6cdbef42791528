package dev.sluice.config;

import dev.sluice.api.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * YAML file to one validated, immutable {@link PipelineConfig}. The YAML is composed to nodes only
 * (no tags, no anchors, no object construction) so every value keeps its line and column, and every
 * problem in the file is reported at once as {@code file:line:column: message}. The keys are
 * documented in README.md ("YAML reference").
 */
public final class ConfigLoader {
    static final Set<String> TOP_KEYS = Set.of("pipeline", "description", "work-dir", "class-path", "supervision",
            "queues", "shared", "defaults", "stages", "flink", "metrics");
    static final Set<String> SHARED_KEYS = Set.of("name", "type", "size", "permits", "entries", "key", "value");
    static final Set<String> SHARED_TYPES = Set.of("counter", "long-array", "lock", "semaphore", "map");
    static final Set<String> MAP_TYPES = Set.of("string", "long", "double");
    static final Set<String> FLINK_KEYS = Set.of("checkpoint-interval", "checkpoint-dir");
    static final Set<String> QUEUE_KEYS = Set.of("roll-cycle", "retain", "max-record-size");
    static final Set<String> METRICS_KEYS = Set.of("histograms", "interval");
    static final Set<String> ROLL_CYCLES = Set.of("1s", "5m", "1h", "1d");
    static final Set<String> SUPERVISION_KEYS = Set.of("max-restarts", "restart-window", "backoff", "backoff-max",
            "min-free-disk", "fail-on-dead-letters", "start-method");
    static final Set<String> START_METHODS = Set.of(Supervision.SPAWN, Supervision.STANDBY);
    static final Set<String> DEFAULT_KEYS = Set.of("jvm-options", "idle", "batch-max", "claim-size", "hang-timeout",
            "snapshot-every", "on-error", "poison-after", "max-lag");
    static final Set<String> STAGE_KEYS = Set.of("name", "kind", "type", "class", "workers", "inputs", "ordered",
            "partitions", "idle", "batch-max", "claim-size", "jvm-options", "hang-timeout", "snapshot-every", "on-error",
            "poison-after", "max-lag", "embedded", "options");
    static final Set<String> ERROR_POLICIES = Set.of("fail", "dead-letter", "skip");
    static final Set<String> IDLE_STRATEGIES = Set.of("busy-spin", "yield", "backoff", "adaptive", "sleep");
    static final String DEFAULT_WORK_DIR = "sluice-runs";
    /** The tags plain YAML resolves by itself; snakeyaml tags a plain ${...} scalar ENV, which we fill as a parameter. */
    static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP, Tag.ENV_TAG);
    static final int MAX_BATCH = 1_000_000;
    /** The largest claim-size: what the claim counter can hold (PackedClaim). */
    static final int MAX_CLAIM = (1 << 20) - 1;
    /** {@code claim-size: auto}, the default: claims adapt to the measured cost per document. */
    public static final int AUTO_CLAIM = 0;

    private ConfigLoader() {
    }

    public static PipelineConfig load(Path file, LoadOptions options) {
        return parse(PipelineText.read(file), file, options);
    }

    public static PipelineConfig parse(String text, Path file, LoadOptions options) {
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
            rejectAnchors(settings, text, file);
            root = new Compose(settings).composeString(text)
                    .orElseThrow(() -> new ConfigException(file + ": empty pipeline file"));
        } catch (MarkedYamlEngineException e) {
            throw new ConfigException(Located.at(file.toString(), e.getProblemMark()) + ": " + e.getProblem(), e);
        } catch (YamlEngineException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        return new Loading(text, file, options).load(root);
    }

    /**
     * Anchors and aliases are refused while parsing, before any alias is expanded: composing first would
     * let an alias bomb fail deep inside snakeyaml with no position.
     */
    private static void rejectAnchors(LoadSettings settings, String text, Path file) {
        for (Event event : new Parse(settings).parseString(text)) {
            boolean anchored = event instanceof NodeEvent node && node.getAnchor().isPresent();
            if (anchored || event instanceof AliasEvent) {
                throw new ConfigException(Located.at(file.toString(), event.getStartMark())
                        + ": anchors and aliases are not supported");
            }
        }
    }

    /** One load of one file: the state a single pass needs. */
    private static final class Loading {
        private final String text;
        private final Path file;
        private final LoadOptions options;
        private final String label;
        private final ConfigProblems problems;
        private final Parameters parameters;
        private StageClasses classes;
        private String runDir;

        Loading(String text, Path file, LoadOptions options) {
            this.text = text;
            this.file = file;
            this.options = options;
            this.label = file.toString();
            this.problems = new ConfigProblems(label);
            this.parameters = new Parameters(this::lookup);
        }

        private String lookup(String name) {
            String value = options.params().get(name);
            if (value == null) {
                value = options.env().get(name);
            }
            if (value == null) {
                value = switch (name) {
                    case "config-dir" -> file.toAbsolutePath().getParent().toString();
                    case "run-id" -> options.runId();
                    case "run-dir" -> runDir;
                    default -> null;
                };
            }
            return value;
        }

        PipelineConfig load(Node root) {
            rejectTags(root);
            problems.throwIfAny();
            Map<String, Node> top = mapping(root, TOP_KEYS, "the pipeline file");
            problems.throwIfAny();

            String name = scalar(top.get("pipeline"), "pipeline");
            if (name == null && !top.containsKey("pipeline")) {
                problems.add(root, "missing key 'pipeline' (the pipeline's name)");
            } else if (name != null && !name.matches("[A-Za-z0-9_.-]+")) {
                problems.add(top.get("pipeline"), "pipeline name '" + name + "' may use only letters, digits, '_', '.' and '-'");
            }
            Path workDir = options.workDirOverride() != null ? options.workDirOverride()
                    : Path.of(orDefault(scalar(top.get("work-dir"), "work-dir"), DEFAULT_WORK_DIR));
            workDir = options.baseDir().resolve(workDir).toAbsolutePath().normalize();
            if (name != null) {
                runDir = workDir.resolve(name).resolve(options.runId()).toString();
            }

            List<String> classPath = new ArrayList<>(options.classPath());
            classPath.addAll(orDefault(list(top.get("class-path"), "class-path"), List.of()));
            classPath = StageClassPath.resolve(classPath, options.baseDir());
            ClassLoader stageLoader = StageClassPath.loader(classPath);
            classes = new StageClasses(stageLoader);

            Supervision supervision = supervision(top.get("supervision"));
            StageDefaults defaults = defaults(top.get("defaults"));
            QueueSettings queues = queues(top.get("queues"));
            List<SharedConfig> shared = shared(top.get("shared"));
            FlinkSettings flink = flink(top.get("flink"));
            MetricsSettings metrics = metrics(top.get("metrics"));
            List<StageConfig> stages = new ArrayList<>();
            Map<String, Node> stageNodes = new LinkedHashMap<>();
            Node stagesNode = top.get("stages");
            if (stagesNode == null) {
                problems.add(root, "missing key 'stages' (a list of stages)");
            } else if (!(stagesNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problems.add(stagesNode, "'stages' must be a non-empty list of stages");
            } else {
                for (Node stageNode : seq.getValue()) {
                    StageConfig stage = stage(stageNode, defaults);
                    if (stage != null) {
                        if (stageNodes.containsKey(stage.name())) {
                            problems.add(stageNode, "duplicate stage name '" + stage.name() + "'");
                        } else {
                            stageNodes.put(stage.name(), stageNode);
                            stages.add(stage);
                        }
                    }
                }
            }
            problems.throwIfAny();
            List<StageConfig> sorted = new StageGraph(stages, stageNodes, problems).sorted();
            problems.throwIfAny();
            return new PipelineConfig(name, file, text, workDir, options.runId(), parameters.used(), supervision,
                    queues, shared, sorted, flink, metrics, classPath, stageLoader);
        }

        private Supervision supervision(Node node) {
            Supervision d = Supervision.DEFAULT;
            if (node == null) {
                return d;
            }
            Map<String, Node> map = mapping(node, SUPERVISION_KEYS, "supervision");
            return new Supervision(
                    number(map.get("max-restarts"), "max-restarts", d.maxRestarts(), 0, 1_000_000),
                    duration(map.get("restart-window"), "restart-window", d.restartWindowMillis()),
                    duration(map.get("backoff"), "backoff", d.backoffMillis()),
                    duration(map.get("backoff-max"), "backoff-max", d.backoffMaxMillis()),
                    size(map.get("min-free-disk"), "min-free-disk", d.minFreeDiskBytes()),
                    bool(map.get("fail-on-dead-letters"), "fail-on-dead-letters", d.failOnDeadLetters()),
                    choice(map.get("start-method"), "start-method", START_METHODS, "spawn or standby", d.startMethod()));
        }

        private long size(Node node, String what, long defaultBytes) {
            String text = scalar(node, what);
            if (text == null) {
                return defaultBytes;
            }
            long bytes = Sizes.bytes(text);
            if (bytes < 0) {
                problems.add(node, what + ": expected a size such as 512MB, 2GB or 1TB, got '" + text + "'");
                return defaultBytes;
            }
            return bytes;
        }

        private List<SharedConfig> shared(Node node) {
            List<SharedConfig> shared = new ArrayList<>();
            if (node == null) {
                return shared;
            }
            if (!(node instanceof SequenceNode seq)) {
                problems.add(node, "'shared' must be a list of {name, type} maps");
                return shared;
            }
            for (Node item : seq.getValue()) {
                Map<String, Node> map = mapping(item, SHARED_KEYS, "a shared object");
                String name = scalar(map.get("name"), "name");
                String type = choice(map.get("type"), "type", SHARED_TYPES,
                        "counter, long-array, lock, semaphore or map", null);
                if (name == null || type == null) {
                    problems.add(item, "a shared object needs 'name' and 'type'");
                    continue;
                }
                if (shared.stream().anyMatch(s -> s.name().equals(name))) {
                    problems.add(map.get("name"), "duplicate shared object '" + name + "'");
                }
                int size = switch (type) {
                    case "long-array" -> number(map.get("size"), "size", 0, 1, 1_000_000);
                    case "semaphore" -> number(map.get("permits"), "permits", 0, 1, 10_000);
                    case "map" -> number(map.get("entries"), "entries", 10_000, 1, Integer.MAX_VALUE);
                    default -> 1;
                };
                if (size == 0) {
                    problems.add(item, "shared " + type + " '" + name + "' needs '"
                            + (type.equals("semaphore") ? "permits" : "size") + "'");
                }
                String keyType = choice(map.get("key"), "key", MAP_TYPES, "string, long or double", "string");
                String valueType = choice(map.get("value"), "value", MAP_TYPES, "string, long or double", "long");
                shared.add(new SharedConfig(name, type, size, keyType, valueType, Located.at(label, item)));
            }
            return shared;
        }

        private FlinkSettings flink(Node node) {
            if (node == null) {
                return FlinkSettings.DEFAULT;
            }
            Map<String, Node> map = mapping(node, FLINK_KEYS, "flink");
            return new FlinkSettings(
                    duration(map.get("checkpoint-interval"), "checkpoint-interval", FlinkSettings.DEFAULT.checkpointIntervalMillis()),
                    scalar(map.get("checkpoint-dir"), "checkpoint-dir"));
        }

        private MetricsSettings metrics(Node node) {
            MetricsSettings d = MetricsSettings.DEFAULT;
            if (node == null) {
                return d;
            }
            Map<String, Node> map = mapping(node, METRICS_KEYS, "metrics");
            long interval = duration(map.get("interval"), "interval", d.intervalMillis());
            if (interval < 100) {
                problems.add(map.get("interval"), "interval: at least 100ms");
            }
            return new MetricsSettings(bool(map.get("histograms"), "histograms", d.histograms()), interval);
        }

        private QueueSettings queues(Node node) {
            if (node == null) {
                return QueueSettings.DEFAULT;
            }
            Map<String, Node> map = mapping(node, QUEUE_KEYS, "queues");
            String roll = choice(map.get("roll-cycle"), "roll-cycle", ROLL_CYCLES, "1s, 5m, 1h or 1d",
                    QueueSettings.DEFAULT.rollCycle());
            long maxRecord = size(map.get("max-record-size"), "max-record-size", QueueSettings.DEFAULT_MAX_RECORD_BYTES);
            if (maxRecord < QueueSettings.MIN_MAX_RECORD_BYTES || maxRecord > QueueSettings.MAX_MAX_RECORD_BYTES) {
                problems.add(map.get("max-record-size"), "max-record-size: expected 1KB to 1000MB, got '"
                        + scalar(map.get("max-record-size"), "max-record-size") + "'");
                maxRecord = QueueSettings.DEFAULT_MAX_RECORD_BYTES;
            }
            return new QueueSettings(roll,
                    bool(map.get("retain"), "retain", QueueSettings.DEFAULT.retain()), maxRecord);
        }

        private StageDefaults defaults(Node node) {
            StageDefaults defaults = new StageDefaults(List.of(), "backoff", 1024, AUTO_CLAIM, 30_000, 1_000, "fail", 3, 10_000);
            if (node == null) {
                return defaults;
            }
            Map<String, Node> map = mapping(node, DEFAULT_KEYS, "defaults");
            return new StageDefaults(
                    orDefault(list(map.get("jvm-options"), "jvm-options"), defaults.jvmOptions()),
                    idle(map.get("idle"), defaults.idle()),
                    number(map.get("batch-max"), "batch-max", defaults.batchMax(), 1, MAX_BATCH),
                    claimSize(map.get("claim-size"), defaults.claimSize()),
                    duration(map.get("hang-timeout"), "hang-timeout", defaults.hangTimeoutMillis()),
                    duration(map.get("snapshot-every"), "snapshot-every", defaults.snapshotEveryMillis()),
                    onError(map.get("on-error"), defaults.onError()),
                    number(map.get("poison-after"), "poison-after", defaults.poisonAfter(), 1, 1000),
                    number(map.get("max-lag"), "max-lag", (int) defaults.maxLag(), 1, Integer.MAX_VALUE));
        }

        /** {@code claim-size}: a number of documents, or {@code auto} (adapts to the cost per document). */
        private int claimSize(Node node, int defaultValue) {
            String text = scalar(node, "claim-size");
            if (text == null) {
                return defaultValue;
            }
            if (text.equals("auto")) {
                return AUTO_CLAIM;
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
            int partitions = number(node, "partitions", 1, 1, 64);
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
            boolean embedded = bool(node, "embedded", false);
            if (embedded && kind == StageKind.PARALLEL) {
                problems.add(node, "embedded: a parallel stage runs as its workers' processes; embed a source or an aggregate");
            }
            return embedded;
        }

        private String onError(Node node, String defaultValue) {
            return choice(node, "on-error", ERROR_POLICIES, "fail, dead-letter or skip", defaultValue);
        }

        private String choice(Node node, String what, Set<String> allowed, String expected, String defaultValue) {
            String text = scalar(node, what);
            if (text != null && !allowed.contains(text)) {
                problems.add(node, what + ": expected " + expected + ", got '" + text + "'");
            }
            return text == null ? defaultValue : text;
        }

        private long duration(Node node, String what, long defaultMillis) {
            String text = scalar(node, what);
            if (text == null) {
                return defaultMillis;
            }
            long millis = Durations.millis(text);
            if (millis < 0) {
                problems.add(node, what + ": expected a duration such as 500ms, 2s or 1m, got '" + text + "'");
                return defaultMillis;
            }
            return millis;
        }

        private StageConfig stage(Node node, StageDefaults defaults) {
            Map<String, Node> map = mapping(node, STAGE_KEYS, "a stage");
            String name = scalar(map.get("name"), "name");
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
            StageKind kind = null;
            if (className != null) {
                try {
                    kind = classes.kindOf(className);
                } catch (IllegalArgumentException e) {
                    problems.add(map.containsKey("class") ? map.get("class") : map.get("type"), e.getMessage());
                }
            }
            String kindText = scalar(map.get("kind"), "kind");
            if (kindText != null) {
                StageKind declared = null;
                for (StageKind k : StageKind.values()) {
                    if (k.yamlName().equals(kindText)) {
                        declared = k;
                    }
                }
                if (declared == null) {
                    problems.add(map.get("kind"), "kind must be source, parallel or aggregate, got '" + kindText + "'");
                } else if (kind != null && declared != kind) {
                    problems.add(map.get("kind"), "stage '" + name + "' is declared " + kindText + " but "
                            + className + " is a " + kind.implementedBy(classes.load(className)).getSimpleName() + " (" + kind.yamlName() + ")");
                }
            }
            int workers = workers(map.get("workers"), kind);
            List<String> inputs = orDefault(list(map.get("inputs"), "inputs"), List.of());
            boolean ordered = bool(map.get("ordered"), "ordered", false);
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
            if (partitions > 1) {
                workers = partitions; // one aggregate process per partition
                if ("true".equals(scalar(map.get("embedded"), "embedded"))) {
                    problems.add(map.get("embedded"), "embedded: a partitioned aggregate runs one process per partition;"
                            + " embed an unpartitioned one");
                }
            }
            List<String> jvm = new ArrayList<>(defaults.jvmOptions());
            jvm.addAll(orDefault(list(map.get("jvm-options"), "jvm-options"), List.of()));
            return new StageConfig(name, kind, className, workers, inputs, ordered, partitions,
                    idle(map.get("idle"), defaults.idle()),
                    number(map.get("batch-max"), "batch-max", defaults.batchMax(), 1, MAX_BATCH),
                    claimSize(map.get("claim-size"), defaults.claimSize()),
                    jvm, duration(map.get("hang-timeout"), "hang-timeout", defaults.hangTimeoutMillis()),
                    duration(map.get("snapshot-every"), "snapshot-every", defaults.snapshotEveryMillis()),
                    onError(map.get("on-error"), defaults.onError()),
                    number(map.get("poison-after"), "poison-after", defaults.poisonAfter(), 1, 1000),
                    number(map.get("max-lag"), "max-lag", (int) defaults.maxLag(), 1, Integer.MAX_VALUE),
                    embedded(map.get("embedded"), kind),
                    options(name, node, map.get("options")), Located.at(label, node));
        }

        private String stageClass(String name, Node node, Map<String, Node> map) {
            String type = scalar(map.get("type"), "type");
            String className = scalar(map.get("class"), "class");
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
            String text = scalar(node, "workers");
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

        private YamlOptions options(String stage, Node stageNode, Node node) {
            Map<String, YamlOptions.Value> values = new LinkedHashMap<>();
            if (node != null) {
                if (!(node instanceof MappingNode mapping)) {
                    problems.add(node, "'options' must be a map of option names to values");
                } else {
                    for (NodeTuple tuple : mapping.getValue()) {
                        String key = key(tuple.getKeyNode());
                        if (key == null) {
                            continue;
                        }
                        if (values.containsKey(key)) {
                            problems.add(tuple.getKeyNode(), "duplicate option '" + key + "'");
                        }
                        Node value = tuple.getValueNode();
                        boolean isList = value instanceof SequenceNode;
                        List<String> list = list(value, key);
                        if (list != null) {
                            values.put(key, new YamlOptions.Value(list, isList, Located.at(label, value)));
                        }
                    }
                }
            }
            return new YamlOptions(stage, Located.at(label, node != null ? node : stageNode), options.baseDir(), values);
        }

        private String idle(Node node, String defaultValue) {
            return choice(node, "idle", IDLE_STRATEGIES, "busy-spin, yield, backoff, adaptive or sleep", defaultValue);
        }

        private int number(Node node, String what, int defaultValue, int min, int max) {
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

        private boolean bool(Node node, String what, boolean defaultValue) {
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

        /** A map's entries by key, reporting unknown and duplicate keys at the key. */
        private Map<String, Node> mapping(Node node, Set<String> known, String what) {
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

        private String key(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            problems.add(node, "keys must be plain names");
            return null;
        }

        /** A scalar's text with parameters filled; null (and a problem) if it is not a scalar or a parameter is missing. */
        private String scalar(Node node, String what) {
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

        /** A list of scalars, or one scalar as a list of one. */
        private List<String> list(Node node, String what) {
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

        private void rejectTags(Node node) {
            String tag = node.getTag().getValue();
            if (!PLAIN_TAGS.contains(node.getTag())) {
                problems.add(node, "tags are not allowed (" + tag + ")");
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

        private static <T> T orDefault(T value, T defaultValue) {
            return value != null ? value : defaultValue;
        }
    }

    /** Stage settings a pipeline's {@code defaults:} gives every stage. */
    private record StageDefaults(List<String> jvmOptions, String idle, int batchMax, int claimSize,
                                 long hangTimeoutMillis, long snapshotEveryMillis, String onError, int poisonAfter,
                                 long maxLag) {
    }
}
