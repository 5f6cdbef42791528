package dev.sluice.config;

import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code queues:} to {@link QueueSettings}. */
final class QueuesSection {
    static final Set<String> KEYS = Set.of("roll-cycle", "retain", "max-record-size");

    private QueuesSection() {
    }

    static QueueSettings read(YamlNodes yaml, Node node) {
        QueueSettings d = QueueSettings.DEFAULT;
        if (node == null) {
            return d;
        }
        Map<String, Node> map = yaml.mapping(node, KEYS, "queues");
        Node maxRecordNode = map.get("max-record-size");
        long maxRecord = yaml.size(maxRecordNode, "max-record-size", d.maxRecordBytes());
        if (maxRecord < QueueSettings.MIN_MAX_RECORD_BYTES || maxRecord > QueueSettings.MAX_MAX_RECORD_BYTES) {
            yaml.problems().add(maxRecordNode, "max-record-size: expected 1KB to 1000MB, got '"
                    + yaml.scalar(maxRecordNode, "max-record-size") + "'");
            maxRecord = d.maxRecordBytes();
        }
        return new QueueSettings(yaml.choice(map.get("roll-cycle"), "roll-cycle", QueueRollCycle.class, d.rollCycle()),
                yaml.bool(map.get("retain"), "retain", d.retain()), maxRecord);
    }
}
