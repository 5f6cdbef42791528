package dev.sluice.stages;

/** Built-in {@code jsonl-parse}: parses the chunks of a {@code jsonl} source with {@code parse: workers}, in N workers. */
public final class JsonlParseProcessor extends ChunkParseProcessor {
    private JsonLinesParser parser;

    @Override
    void plan(byte[] plan) {
        parser = JsonLinesParser.fromPlan(plan);
    }

    @Override
    String format() {
        return "jsonl";
    }

    @Override
    ParsedChunk parse(TextChunk chunk) {
        return parser.parse(chunk.file(), chunk.firstLine(), chunk.text(), chunk.text().length);
    }
}
