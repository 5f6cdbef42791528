package dev.sluice.config;

import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code metrics:} to {@link MetricsSettings}. */
final class MetricsSection {
    static final Set<String> KEYS = Set.of("histograms", "interval");
    private static final long MIN_INTERVAL_MILLIS = 100;

    private MetricsSection() {
    }

    static MetricsSettings read(YamlNodes yaml, Node node) {
        MetricsSettings d = MetricsSettings.DEFAULT;
        if (node == null) {
            return d;
        }
        Map<String, Node> map = yaml.mapping(node, KEYS, "metrics");
        long interval = yaml.duration(map.get("interval"), "interval", d.intervalMillis());
        if (interval < MIN_INTERVAL_MILLIS) {
            yaml.problems().add(map.get("interval"), "interval: at least " + MIN_INTERVAL_MILLIS + "ms");
            interval = d.intervalMillis();
        }
        return new MetricsSettings(yaml.bool(map.get("histograms"), "histograms", d.histograms()), interval);
    }
}
