package dev.sluice.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** {@code shared:} to a list of {@link SharedConfig}, in YAML order (which fixes their offsets in shared.dat). */
final class SharedSection {
    static final Set<String> KEYS = Set.of("name", "type", "size", "permits", "entries", "key", "value");

    private SharedSection() {
    }

    static List<SharedConfig> read(YamlNodes yaml, Node node) {
        List<SharedConfig> shared = new ArrayList<>();
        if (node == null) {
            return shared;
        }
        if (!(node instanceof SequenceNode seq)) {
            yaml.problems().add(node, "'shared' must be a list of {name, type} maps");
            return shared;
        }
        for (Node item : seq.getValue()) {
            Map<String, Node> map = yaml.mapping(item, KEYS, "a shared object");
            String name = yaml.scalar(map.get("name"), "name");
            SharedType type = yaml.choice(map.get("type"), "type", SharedType.class, null);
            if (name == null || type == null) {
                yaml.problems().add(item, "a shared object needs 'name' and 'type'");
                continue;
            }
            if (shared.stream().anyMatch(s -> s.name().equals(name))) {
                yaml.problems().add(map.get("name"), "duplicate shared object '" + name + "'");
            }
            int size = switch (type) {
                case LONG_ARRAY -> yaml.number(map.get("size"), "size", 0, 1, 1_000_000);
                case SEMAPHORE -> yaml.number(map.get("permits"), "permits", 0, 1, 10_000);
                case MAP -> yaml.number(map.get("entries"), "entries", 10_000, 1, Integer.MAX_VALUE);
                case COUNTER, LOCK -> 1;
            };
            if (size == 0) {
                yaml.problems().add(item, "shared " + type.yamlName() + " '" + name + "' needs '"
                        + (type == SharedType.SEMAPHORE ? "permits" : "size") + "'");
            }
            shared.add(new SharedConfig(name, type, size,
                    yaml.choice(map.get("key"), "key", SharedMapType.class, SharedMapType.STRING),
                    yaml.choice(map.get("value"), "value", SharedMapType.class, SharedMapType.LONG),
                    yaml.location(item)));
        }
        return shared;
    }
}
