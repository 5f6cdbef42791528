package dev.sluice.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A pipeline made in code, stage after stage, each reading the one before; written out as its YAML. */
final class CodePipeline {
    private final String name;
    private final List<StringBuilder> stages = new ArrayList<>();
    private String last;

    CodePipeline(String name) {
        this.name = name;
    }

    /** @param key {@code type} (a built-in) or {@code class} */
    void add(String stage, String key, String value, Map<String, ?> options, boolean readsPrevious) {
        if (readsPrevious && last == null) {
            throw new IllegalStateException("a pipeline starts with source(...)");
        }
        StringBuilder yaml = new StringBuilder()
                .append("  - name: ").append(quoted(stage)).append('\n')
                .append("    ").append(key).append(": ").append(quoted(value)).append('\n');
        if (readsPrevious) {
            yaml.append("    inputs: [").append(quoted(last)).append("]\n");
        }
        if (!options.isEmpty()) {
            yaml.append("    options:\n");
            options.forEach((option, v) -> yaml.append("      ").append(quoted(option)).append(": ")
                    .append(v instanceof Collection<?> list ? list(list) : quoted(String.valueOf(v))).append('\n'));
        }
        stages.add(yaml);
        last = stage;
    }

    void workers(int workers) {
        if (stages.isEmpty()) {
            throw new IllegalStateException("workers(n) goes after the stage it is for");
        }
        stages.get(stages.size() - 1).append("    workers: ").append(workers).append('\n');
    }

    String yaml() {
        StringBuilder yaml = new StringBuilder("pipeline: ").append(quoted(name)).append("\nstages:\n");
        stages.forEach(yaml::append);
        return yaml.toString();
    }

    private static String list(Collection<?> values) {
        List<String> items = values.stream().map(v -> quoted(String.valueOf(v))).toList();
        return "[" + String.join(", ", items) + "]";
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
