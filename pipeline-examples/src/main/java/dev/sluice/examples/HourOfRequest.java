package dev.sluice.examples;

import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import dev.sluice.api.FieldType;
import dev.sluice.api.Processor;
import dev.sluice.api.Row;
import dev.sluice.api.RowCodec;
import dev.sluice.api.RowSchema;
import dev.sluice.api.StageContext;

/**
 * Adds the hour of an access-log row, {@code hour} = its ISO-8601 {@code time} cut to the hour
 * ({@code 2026-11-24T21}); a row processor written in Java, as a user would write one.
 */
public final class HourOfRequest implements Processor<Row, Row> {
    private RowCodec rows;
    private RowSchema in;
    private RowSchema out;

    @Override
    public void open(StageContext context) {
        rows = RowCodec.of(context);
    }

    @Override
    public Codec<Row> inputCodec() {
        return rows;
    }

    @Override
    public Codec<Row> outputCodec() {
        return rows;
    }

    @Override
    public void process(Row row, Emitter<Row> emitter) {
        if (row.schema() != in) { // rows of one input share a schema: derive the output's once
            in = row.schema();
            RowSchema.Builder builder = RowSchema.builder();
            in.names().forEach(name -> builder.add(name, in.type(in.indexOf(name))));
            out = builder.add("hour", FieldType.STRING).build();
        }
        String time = row.getString("time");
        emitter.emit(Row.builder(out).from(row)
                .set("hour", time == null || time.length() < 13 ? null : time.substring(0, 13)).build());
    }
}
