package dev.sluice.stages;

import dev.sluice.api.BatchAggregate;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.ResultFiles;
import dev.sluice.api.StageContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Built-in {@code count}: counts records of any type without reading them. Option: {@code output}
 * (optional). Partitions merge by adding.
 */
public final class CountAggregate implements BatchAggregate {
    private Path output;
    private long count;

    @Override
    public void open(StageContext context) {
        output = context.options().has("output") ? context.options().getPath("output") : null;
    }

    @Override
    public void accept(RecordBatch records) {
        count += records.size();
    }

    @Override
    public Object finish() throws Exception {
        if (output != null) {
            ResultFiles.writeLine(output, count);
        }
        return count;
    }

    @Override
    public boolean snapshots() {
        return true;
    }

    @Override
    public void snapshot(OutputStream out) throws Exception {
        new DataOutputStream(out).writeLong(count);
    }

    @Override
    public void restore(InputStream in) throws Exception {
        count = new DataInputStream(in).readLong();
    }

    @Override
    public void merge(InputStream otherSnapshot) throws Exception {
        count += new DataInputStream(otherSnapshot).readLong();
    }
}
