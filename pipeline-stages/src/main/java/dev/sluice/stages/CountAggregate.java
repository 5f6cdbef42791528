package dev.sluice.stages;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.RecordInput;
import dev.sluice.api.RecordOutput;
import dev.sluice.api.ResultFiles;
import dev.sluice.api.StageContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** Built-in {@code count}: counts records of any type without decoding them. Option: {@code output} (optional). */
public final class CountAggregate implements Aggregate<Object> {
    private static final Object RECORD = new Object();
    private static final Codec<Object> UNDECODED = new Codec<>() {
        public void encode(Object value, RecordOutput out) {
            throw new UnsupportedOperationException("count only reads");
        }

        public Object decode(RecordInput in) {
            return RECORD;
        }
    };

    private Path output;
    private long count;

    @Override
    public void open(StageContext context) {
        output = context.options().has("output") ? context.options().getPath("output") : null;
    }

    @Override
    public Codec<Object> inputCodec() {
        return UNDECODED;
    }

    @Override
    public void accept(Object record) {
        count++;
    }

    @Override
    public Object finish() throws Exception {
        if (output != null) {
            ResultFiles.writeLine(output, count);
        }
        return count;
    }

    @Override
    public void snapshot(OutputStream out) throws Exception {
        new DataOutputStream(out).writeLong(count);
    }

    @Override
    public void restore(InputStream in) throws Exception {
        count = new DataInputStream(in).readLong();
    }
}
