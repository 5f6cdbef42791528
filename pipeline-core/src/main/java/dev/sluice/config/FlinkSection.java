package dev.sluice.config;

import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code flink:} to {@link FlinkSettings}. */
final class FlinkSection {
    static final Set<String> KEYS = Set.of("checkpoint-interval", "checkpoint-dir");

    private FlinkSection() {
    }

    static FlinkSettings read(YamlNodes yaml, Node node) {
        FlinkSettings d = FlinkSettings.DEFAULT;
        if (node == null) {
            return d;
        }
        Map<String, Node> map = yaml.mapping(node, KEYS, "flink");
        return new FlinkSettings(
                yaml.duration(map.get("checkpoint-interval"), "checkpoint-interval", d.checkpointIntervalMillis()),
                yaml.scalar(map.get("checkpoint-dir"), "checkpoint-dir", d.checkpointDirectory()));
    }
}
