package dev.sluice.stages;

/** Built-in {@code csv-parse}: parses the chunks of a {@code csv} source with {@code parse: workers}, in N workers. */
public final class CsvParseProcessor extends ChunkParseProcessor {
    private CsvChunkPlan plan;

    @Override
    void plan(byte[] encoded) {
        plan = CsvChunkPlan.decode(encoded);
    }

    @Override
    String format() {
        return "csv";
    }

    @Override
    ParsedChunk parse(TextChunk chunk) {
        return plan.parser().parse(plan.plan(), chunk.file(), chunk.firstLine(), chunk.text(), chunk.text().length);
    }
}
