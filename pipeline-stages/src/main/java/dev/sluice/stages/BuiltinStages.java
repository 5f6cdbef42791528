package dev.sluice.stages;

import dev.sluice.api.StageCatalog;
import java.util.Map;

/** The built-in stage types YAML can name with {@code type:}. */
public final class BuiltinStages implements StageCatalog {
    @Override
    public Map<String, String> stages() {
        return Map.of(
                "lines", LinesSource.class.getName(),
                "file-chunks", FileChunksSource.class.getName(),
                "range", RangeSource.class.getName(),
                "count", CountAggregate.class.getName(),
                "sum", SumAggregate.class.getName(),
                "word-count", WordCountAggregate.class.getName(),
                "collect", CollectAggregate.class.getName());
    }
}
