package dev.sluice.stages;

import dev.sluice.api.StageCatalog;
import java.util.Map;

/** The built-in stage types YAML can name with {@code type:}. */
public final class BuiltinStages implements StageCatalog {
    @Override
    public Map<String, String> stages() {
        return Map.ofEntries(
                Map.entry("lines", LinesSource.class.getName()),
                Map.entry("file-chunks", FileChunksSource.class.getName()),
                Map.entry("range", RangeSource.class.getName()),
                Map.entry("csv", CsvSource.class.getName()),
                Map.entry("jsonl", JsonlSource.class.getName()),
                Map.entry("csv-parse", CsvParseProcessor.class.getName()),
                Map.entry("jsonl-parse", JsonlParseProcessor.class.getName()),
                Map.entry("count", CountAggregate.class.getName()),
                Map.entry("sum", SumAggregate.class.getName()),
                Map.entry("word-count", WordCountAggregate.class.getName()),
                Map.entry("collect", CollectAggregate.class.getName()),
                Map.entry("group-by", GroupByAggregate.class.getName()),
                Map.entry("top-k", TopKAggregate.class.getName()),
                Map.entry("distinct", DistinctAggregate.class.getName()),
                Map.entry("csv-out", CsvOutSink.class.getName()),
                Map.entry("jsonl-out", JsonlOutSink.class.getName()),
                Map.entry("lines-out", LinesOutSink.class.getName()));
    }
}
