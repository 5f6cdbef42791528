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
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML file to one validated, immutable {@link PipelineConfig}. The YAML is composed to nodes only
 * (no tags, no anchors, no object construction) so every value keeps its line and column, and every
 * problem in the file is reported at once as {@code file:line:column: message}. This class reads the top
 * level; {@link YamlNodes} turns nodes into typed values, {@link StageSection} reads stages and
 * {@code defaults:}, and a {@code *Section} class each other section. The keys are documented in README.md
 * ("YAML reference").
 */
public final class ConfigLoader {
    static final Set<String> TOP_KEYS = Set.of("pipeline", "description", "work-dir", "class-path", "supervision",
            "queues", "shared", "defaults", "stages", "flink", "metrics");
    static final String DEFAULT_WORK_DIR = "sluice-runs";

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
        private final ConfigProblems problems;
        private final Parameters parameters;
        private final YamlNodes yaml;
        private String runDir;

        Loading(String text, Path file, LoadOptions options) {
            this.text = text;
            this.file = file;
            this.options = options;
            this.problems = new ConfigProblems(file.toString());
            this.parameters = new Parameters(this::lookup);
            this.yaml = new YamlNodes(problems, parameters, file.toString());
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
            yaml.rejectTags(root);
            problems.throwIfAny();
            Map<String, Node> top = yaml.mapping(root, TOP_KEYS, "the pipeline file");
            problems.throwIfAny();

            String name = yaml.scalar(top.get("pipeline"), "pipeline");
            if (name == null && !top.containsKey("pipeline")) {
                problems.add(root, "missing key 'pipeline' (the pipeline's name)");
            } else if (name != null && !name.matches("[A-Za-z0-9_.-]+")) {
                problems.add(top.get("pipeline"), "pipeline name '" + name + "' may use only letters, digits, '_', '.' and '-'");
            }
            Path workDir = options.workDirOverride() != null ? options.workDirOverride()
                    : Path.of(yaml.scalar(top.get("work-dir"), "work-dir", DEFAULT_WORK_DIR));
            workDir = options.baseDir().resolve(workDir).toAbsolutePath().normalize();
            if (name != null) {
                runDir = workDir.resolve(name).resolve(options.runId()).toString();
            }

            List<String> classPath = new ArrayList<>(options.classPath());
            classPath.addAll(yaml.list(top.get("class-path"), "class-path", List.of()));
            classPath = StageClassPath.resolve(classPath, options.baseDir());
            ClassLoader stageLoader = StageClassPath.loader(classPath);
            StageSection stageSection = new StageSection(yaml, new StageClasses(stageLoader), options.baseDir());

            Supervision supervision = SupervisionSection.read(yaml, top.get("supervision"));
            StageSettings defaults = stageSection.defaults(top.get("defaults"));
            QueueSettings queues = QueuesSection.read(yaml, top.get("queues"));
            List<SharedConfig> shared = SharedSection.read(yaml, top.get("shared"));
            FlinkSettings flink = FlinkSection.read(yaml, top.get("flink"));
            MetricsSettings metrics = MetricsSection.read(yaml, top.get("metrics"));
            List<StageConfig> stages = new ArrayList<>();
            Map<String, Node> stageNodes = new LinkedHashMap<>();
            Node stagesNode = top.get("stages");
            if (stagesNode == null) {
                problems.add(root, "missing key 'stages' (a list of stages)");
            } else if (!(stagesNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problems.add(stagesNode, "'stages' must be a non-empty list of stages");
            } else {
                for (Node stageNode : seq.getValue()) {
                    StageConfig stage = stageSection.stage(stageNode, defaults);
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
    }
}
