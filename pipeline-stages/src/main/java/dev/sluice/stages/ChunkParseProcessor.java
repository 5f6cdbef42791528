package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import dev.sluice.api.MalformedRecordException;
import dev.sluice.api.Processor;
import dev.sluice.api.Row;
import dev.sluice.api.RowCodec;
import dev.sluice.api.StageContext;
import java.util.Arrays;

/**
 * Parses the chunks a file source hands out ({@code parse: workers}) into rows, in a parallel stage:
 * the source only finds record boundaries, N workers parse. The chunk carries everything parsing needs,
 * so the stage has no options. A chunk's malformed records are reported after its good rows are emitted
 * (one error per chunk, naming the first bad record's file:line), under the stage's {@code on-error}.
 */
abstract class ChunkParseProcessor implements Processor<TextChunk, Row> {
    private RowCodec rows;
    private byte[] lastPlan;

    /** Takes a new plan (the chunks of another file). */
    abstract void plan(byte[] plan);

    abstract String format();

    abstract ParsedChunk parse(TextChunk chunk);

    @Override
    public void open(StageContext context) {
        rows = RowCodec.of(context);
    }

    @Override
    public Codec<TextChunk> inputCodec() {
        return TextChunk.CODEC;
    }

    @Override
    public Codec<Row> outputCodec() {
        return rows;
    }

    @Override
    public void process(TextChunk chunk, Emitter<Row> out) throws MalformedRecordException {
        if (!chunk.format().equals(format())) {
            throw new IllegalArgumentException("a " + format() + "-parse stage got a " + chunk.format() + " chunk");
        }
        if (!Arrays.equals(chunk.plan(), lastPlan)) {
            plan(chunk.plan());
            lastPlan = chunk.plan();
        }
        ParsedChunk parsed = parse(chunk);
        MalformedRecordException first = null;
        int malformed = 0;
        for (int i = 0; i < parsed.size(); i++) {
            Object item = parsed.item(i);
            if (item instanceof Row row) {
                out.emit(row);
            } else {
                first = first == null ? (MalformedRecordException) item : first;
                malformed++;
            }
        }
        if (first != null) {
            throw malformed == 1 ? first : new MalformedRecordException(first.where(), first.problem() + " (and "
                    + (malformed - 1) + " more malformed record(s) in this chunk)", first.input());
        }
    }
}
