package dev.sluice.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** The stages as a graph: checks every input exists and writes a queue, finds cycles, sorts inputs first. */
final class StageGraph {
    private final Map<String, StageConfig> stages = new LinkedHashMap<>();
    private final Map<String, Node> nodes;
    private final ConfigProblems problems;

    StageGraph(List<StageConfig> stages, Map<String, Node> nodes, ConfigProblems problems) {
        stages.forEach(s -> this.stages.put(s.name(), s));
        this.nodes = nodes;
        this.problems = problems;
    }

    /** Stages with every stage after its inputs, YAML order where that allows; problems reported. */
    List<StageConfig> sorted() {
        for (StageConfig stage : stages.values()) {
            for (String input : stage.inputs()) {
                StageConfig source = stages.get(input);
                if (source == null) {
                    problems.add(inputsNode(stage), "stage '" + stage.name() + "' reads unknown stage '" + input
                            + "'; stages: " + String.join(", ", stages.keySet()));
                } else if (source.kind() == StageKind.AGGREGATE) {
                    problems.add(inputsNode(stage), "stage '" + stage.name() + "' reads '" + input
                            + "', an aggregate, which writes no queue");
                }
            }
        }
        checkPartitionedReaders();
        if (!problems.isEmpty()) {
            return List.copyOf(stages.values());
        }
        List<StageConfig> sorted = new ArrayList<>();
        Map<String, Integer> state = new LinkedHashMap<>(); // 1 visiting, 2 done
        for (StageConfig stage : stages.values()) {
            visit(stage, state, new ArrayList<>(), sorted);
        }
        return sorted;
    }

    /** A stage's output is sorted into one section per partition: its partitioned readers must agree on how many. */
    private void checkPartitionedReaders() {
        Map<String, StageConfig> partitionedReader = new LinkedHashMap<>();
        for (StageConfig stage : stages.values()) {
            if (stage.partitions() <= 1) {
                continue;
            }
            for (String input : stage.inputs()) {
                StageConfig other = partitionedReader.putIfAbsent(input, stage);
                if (other != null && other.partitions() != stage.partitions()) {
                    problems.add(inputsNode(stage), "stage '" + input + "' is read by '" + other.name() + "' with "
                            + other.partitions() + " partitions and by '" + stage.name() + "' with "
                            + stage.partitions() + "; partitioned readers of one stage must agree");
                }
            }
        }
    }

    private void visit(StageConfig stage, Map<String, Integer> state, List<String> path, List<StageConfig> sorted) {
        Integer seen = state.get(stage.name());
        if (seen != null && seen == 2) {
            return;
        }
        path.add(stage.name());
        if (seen != null) {
            List<String> cycle = path.subList(path.indexOf(stage.name()), path.size());
            problems.add(inputsNode(stage), "stages form a cycle: " + String.join(" -> ", cycle));
            path.remove(path.size() - 1);
            return;
        }
        state.put(stage.name(), 1);
        for (String input : stage.inputs()) {
            visit(stages.get(input), state, path, sorted);
        }
        state.put(stage.name(), 2);
        path.remove(path.size() - 1);
        sorted.add(stage);
    }

    private Node inputsNode(StageConfig stage) {
        Node node = nodes.get(stage.name());
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode key
                        && key.getValue().equals("inputs")) {
                    return tuple.getValueNode();
                }
            }
        }
        return node;
    }
}
