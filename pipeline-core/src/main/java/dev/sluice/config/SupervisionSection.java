package dev.sluice.config;

import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code supervision:} to {@link Supervision}. */
final class SupervisionSection {
    static final Set<String> KEYS = Set.of("max-restarts", "restart-window", "backoff", "backoff-max",
            "min-free-disk", "fail-on-dead-letters", "start-method");

    private SupervisionSection() {
    }

    static Supervision read(YamlNodes yaml, Node node) {
        Supervision d = Supervision.DEFAULT;
        if (node == null) {
            return d;
        }
        Map<String, Node> map = yaml.mapping(node, KEYS, "supervision");
        return new Supervision(
                yaml.number(map.get("max-restarts"), "max-restarts", d.maxRestarts(), 0, 1_000_000),
                yaml.duration(map.get("restart-window"), "restart-window", d.restartWindowMillis()),
                yaml.duration(map.get("backoff"), "backoff", d.backoffMillis()),
                yaml.duration(map.get("backoff-max"), "backoff-max", d.backoffMaxMillis()),
                yaml.size(map.get("min-free-disk"), "min-free-disk", d.minFreeDiskBytes()),
                yaml.bool(map.get("fail-on-dead-letters"), "fail-on-dead-letters", d.failOnDeadLetters()),
                yaml.choice(map.get("start-method"), "start-method", StartMethod.class, d.startMethod()));
    }
}
