package dev.sluice.stages;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Options;
import dev.sluice.api.Row;
import dev.sluice.api.RowCodec;
import dev.sluice.api.StageContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Built-in {@code group-by}: per distinct value of the {@code key} fields, the number of rows and the
 * {@code sum}, {@code min}, {@code max} and {@code mean} of the fields named (nulls skipped, as SQL does).
 * Sums of doubles are exact and rounded once ({@link ExactSum}), so the result does not depend on the
 * order rows arrive in. Writes {@code output} (CSV, or JSON lines for {@code .jsonl}) with columns
 * {@code key..., count, sum_f..., min_f..., max_f..., mean_f...}, one row per group, by key.
 */
public final class GroupByAggregate implements Aggregate<Row> {
    private static final int VERSION = 1;

    private RowCodec rows;
    private RowFields key;
    private RowFields sum;
    private RowFields min;
    private RowFields max;
    private RowFields mean;
    private boolean count;
    private ResultTable.Target target;
    private final Map<GroupKey, Group> groups = new HashMap<>();

    /** One group's accumulators. */
    private static final class Group {
        long count;
        ExactSum[] sums;
        Object[] mins;
        Object[] maxes;
        ExactSum[] means;

        Group(int sums, int mins, int maxes, int means) {
            this.sums = newSums(sums);
            this.mins = new Object[mins];
            this.maxes = new Object[maxes];
            this.means = newSums(means);
        }

        private static ExactSum[] newSums(int n) {
            ExactSum[] s = new ExactSum[n];
            for (int i = 0; i < n; i++) {
                s[i] = new ExactSum();
            }
            return s;
        }
    }

    @Override
    public void open(StageContext context) {
        Options options = context.options();
        key = fields(options, "key");
        sum = fields(options, "sum");
        min = fields(options, "min");
        max = fields(options, "max");
        mean = fields(options, "mean");
        count = options.getBoolean("count", true);
        target = ResultTable.Target.of(options);
        Set<String> read = new LinkedHashSet<>();
        for (RowFields f : List.of(key, sum, min, max, mean)) {
            read.addAll(f.names());
        }
        rows = RowCodec.of(context).projecting(read);
    }

    static RowFields fields(Options options, String name) {
        return new RowFields(options.has(name) ? options.getList(name) : List.of());
    }

    @Override
    public Codec<Row> inputCodec() {
        return rows;
    }

    @Override
    public void accept(Row row) {
        Group group = groups.computeIfAbsent(new GroupKey(key.values(row)),
                k -> new Group(sum.size(), min.size(), max.size(), mean.size()));
        group.count++;
        for (int i = 0; i < sum.size(); i++) {
            add(group.sums[i], sum, row, i);
        }
        for (int i = 0; i < mean.size(); i++) {
            add(group.means[i], mean, row, i);
        }
        for (int i = 0; i < min.size(); i++) {
            Object v = min.get(row, i);
            if (v != null && (group.mins[i] == null || Values.compare(v, group.mins[i]) < 0)) {
                group.mins[i] = v;
            }
        }
        for (int i = 0; i < max.size(); i++) {
            Object v = max.get(row, i);
            if (v != null && (group.maxes[i] == null || Values.compare(v, group.maxes[i]) > 0)) {
                group.maxes[i] = v;
            }
        }
    }

    private static void add(ExactSum sum, RowFields fields, Row row, int i) {
        Object v = fields.get(row, i);
        if (v instanceof String) {
            throw new IllegalArgumentException("field '" + fields.names().get(i) + "' is a string: '" + v
                    + "' cannot be added");
        }
        if (v != null) {
            sum.add(v);
        }
    }

    @Override
    public Object finish() throws Exception {
        List<String> columns = new ArrayList<>(key.names());
        if (count) {
            columns.add("count");
        }
        sum.names().forEach(f -> columns.add("sum_" + f));
        min.names().forEach(f -> columns.add("min_" + f));
        max.names().forEach(f -> columns.add("max_" + f));
        mean.names().forEach(f -> columns.add("mean_" + f));
        ResultTable table = new ResultTable(columns);
        List<GroupKey> keys = new ArrayList<>(groups.keySet());
        keys.sort(null);
        for (GroupKey k : keys) {
            Group g = groups.get(k);
            List<Object> values = new ArrayList<>(k.values().length + 8);
            values.addAll(java.util.Arrays.asList(k.values()));
            if (count) {
                values.add(g.count);
            }
            for (ExactSum s : g.sums) {
                values.add(s.value());
            }
            values.addAll(java.util.Arrays.asList(g.mins));
            values.addAll(java.util.Arrays.asList(g.maxes));
            for (ExactSum s : g.means) {
                values.add(s.count() == 0 ? null : s.doubleValue() / s.count());
            }
            table.add(values.toArray());
        }
        if (target != null) {
            table.write(target);
        }
        return groups.size() + " group(s)" + (target == null ? "" : ", written to " + target.path());
    }

    @Override
    public boolean snapshots() {
        return true;
    }

    @Override
    public void snapshot(OutputStream stream) throws Exception {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(VERSION);
        out.writeInt(groups.size());
        for (Map.Entry<GroupKey, Group> e : groups.entrySet()) {
            for (Object v : e.getKey().values()) {
                StateIO.writeValue(out, v);
            }
            Group g = e.getValue();
            out.writeLong(g.count);
            for (ExactSum s : g.sums) {
                s.write(out);
            }
            for (Object v : g.mins) {
                StateIO.writeValue(out, v);
            }
            for (Object v : g.maxes) {
                StateIO.writeValue(out, v);
            }
            for (ExactSum s : g.means) {
                s.write(out);
            }
        }
        out.flush();
    }

    @Override
    public void restore(InputStream stream) throws Exception {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != VERSION) {
            throw new java.io.IOException("not a snapshot of group-by");
        }
        groups.clear();
        for (int n = in.readInt(); n > 0; n--) {
            Object[] k = new Object[key.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = StateIO.readValue(in);
            }
            Group g = new Group(0, min.size(), max.size(), 0);
            g.count = in.readLong();
            g.sums = new ExactSum[sum.size()];
            for (int i = 0; i < g.sums.length; i++) {
                g.sums[i] = ExactSum.read(in);
            }
            for (int i = 0; i < g.mins.length; i++) {
                g.mins[i] = StateIO.readValue(in);
            }
            for (int i = 0; i < g.maxes.length; i++) {
                g.maxes[i] = StateIO.readValue(in);
            }
            g.means = new ExactSum[mean.size()];
            for (int i = 0; i < g.means.length; i++) {
                g.means[i] = ExactSum.read(in);
            }
            groups.put(new GroupKey(k), g);
        }
    }
}
