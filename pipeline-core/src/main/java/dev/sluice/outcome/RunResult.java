package dev.sluice.outcome;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a completed run reports.
 *
 * @param values            each aggregate's result ({@code finish()}'s value as text), by stage name
 * @param deadLetters       records set aside in {@code dlq/} ({@code sluice dlq} lists them)
 * @param failOnDeadLetters the pipeline's {@code supervision.fail-on-dead-letters}: dead letters fail the run
 */
public record RunResult(String pipeline, Path runDirectory, long elapsedMillis, List<StageStats> stages,
                        Map<String, String> values, int deadLetters, boolean failOnDeadLetters) {
    public StageStats stage(String name) {
        return stages.stream().filter(s -> s.stage().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + name));
    }

    /** The value of the only aggregate, or of the last one. */
    public String value() {
        String last = null;
        for (StageStats s : stages) {
            if (values.containsKey(s.stage())) {
                last = values.get(s.stage());
            }
        }
        return last;
    }
}
