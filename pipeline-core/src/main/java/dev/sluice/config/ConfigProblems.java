package dev.sluice.config;

import dev.sluice.api.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Every problem found in one file, so a user fixes them all in one go; each is {@code file:line:column: message}. */
final class ConfigProblems {
    private record Problem(int line, int column, String text) {
    }

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    ConfigProblems(String file) {
        this.file = file;
    }

    void add(Node at, String message) {
        int line = at == null ? 0 : at.getStartMark().map(m -> m.getLine()).orElse(0);
        int column = at == null ? 0 : at.getStartMark().map(m -> m.getColumn()).orElse(0);
        problems.add(new Problem(line, column, Located.at(file, at) + ": " + message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ConfigException(String.join("\n", problems.stream().map(Problem::text).toList()));
        }
    }
}
