package dev.sluice.stages;

import dev.sluice.api.BatchAggregate;
import dev.sluice.api.Options;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.ResultFiles;
import dev.sluice.api.StageContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Built-in {@code sum}: adds numbers, read in place with no boxing. Options: {@code of} ({@code long}, the
 * default, or {@code double}), {@code output} (optional). Doubles use Neumaier's compensated sum, so the
 * result hardly depends on the order in which parallel workers deliver them. Partitions merge by adding.
 */
public final class SumAggregate implements BatchAggregate {
    private boolean doubles;
    private Path output;
    private long longSum;
    private double sum;
    private double compensation;

    @Override
    public void validate(Options options) {
        configure(options);
    }

    @Override
    public void open(StageContext context) {
        configure(context.options());
    }

    private void configure(Options options) {
        String of = options.getString("of", "long");
        if (!of.equals("long") && !of.equals("double")) {
            throw options.error("of", "expected long or double, got '" + of + "'");
        }
        doubles = of.equals("double");
        output = options.has("output") ? options.getPath("output") : null;
    }

    @Override
    public void accept(RecordBatch records) {
        while (records.next()) {
            if (doubles) {
                add(records.record().asDouble());
            } else {
                longSum += records.record().asLong();
            }
        }
    }

    private void add(double x) {
        double t = sum + x;
        compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    @Override
    public Object finish() throws Exception {
        Object result = doubles ? (Object) (sum + compensation) : (Object) longSum;
        if (output != null) {
            ResultFiles.writeLine(output, result);
        }
        return result;
    }

    @Override
    public boolean snapshots() {
        return true;
    }

    @Override
    public void snapshot(OutputStream out) throws Exception {
        DataOutputStream data = new DataOutputStream(out);
        data.writeLong(longSum);
        data.writeDouble(sum);
        data.writeDouble(compensation);
        data.flush();
    }

    @Override
    public void restore(InputStream in) throws Exception {
        DataInputStream data = new DataInputStream(in);
        longSum = data.readLong();
        sum = data.readDouble();
        compensation = data.readDouble();
    }

    @Override
    public void merge(InputStream otherSnapshot) throws Exception {
        DataInputStream data = new DataInputStream(otherSnapshot);
        longSum += data.readLong();
        add(data.readDouble());
        add(data.readDouble());
    }
}
