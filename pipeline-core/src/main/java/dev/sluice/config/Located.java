package dev.sluice.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code file:line:column} of a YAML node (1-based), for messages. */
final class Located {
    private Located() {
    }

    static String at(String file, Node node) {
        return at(file, node == null ? Optional.empty() : node.getStartMark());
    }

    static String at(String file, Optional<Mark> mark) {
        return mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file);
    }
}
