package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.Row;
import dev.sluice.api.RowCodec;
import dev.sluice.api.StageContext;

/** Passes rows on unchanged: a parallel stage whose workers' queues an ordered reader merges back. */
public final class RowIdentity implements Processor<Row, Row> {
    private RowCodec rows;

    @Override
    public void open(StageContext context) {
        rows = RowCodec.of(context);
    }

    public Codec<Row> inputCodec() { return rows; }

    public Codec<Row> outputCodec() { return rows; }

    public void process(Row row, Emitter<Row> out) { out.emit(row); }
}
