package dev.sluice.stages;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Options;
import dev.sluice.api.Row;
import dev.sluice.api.RowCodec;
import dev.sluice.api.StageContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Built-in {@code top-k}: the {@code k} (10) largest ({@code order: desc}, the default) or smallest
 * ({@code asc}). With {@code key}: groups ranked {@code by} their row count ({@code by: count}, the
 * default) or the exact sum of a field; columns {@code key..., count[, sum_f]}. Without a key: the rows
 * with the largest value of the field {@code by}, whole. Ties go to the smaller key or row, so the result
 * does not depend on arrival order. Exact: with a key every group is kept until the end.
 */
public final class TopKAggregate implements Aggregate<Row> {
    private static final int VERSION = 1;

    private RowCodec rows;
    private int k;
    private boolean descending;
    private RowFields key;
    private String by;
    private RowFields byField;
    private ResultTable.Target target;
    private final Map<GroupKey, Tally> tallies = new HashMap<>();
    private PriorityQueue<Row> best;
    private Comparator<Row> rowRank;

    /** A group's count and sum of the {@code by} field. */
    private static final class Tally {
        long count;
        ExactSum sum = new ExactSum();
    }

    @Override
    public void open(StageContext context) {
        Options options = context.options();
        k = (int) options.getLong("k", 10);
        if (k < 1) {
            throw options.error("k", "must be at least 1");
        }
        String order = options.getString("order", "desc");
        if (!order.equals("desc") && !order.equals("asc")) {
            throw options.error("order", "expected desc or asc, got '" + order + "'");
        }
        descending = order.equals("desc");
        key = GroupByAggregate.fields(options, "key");
        by = options.getString("by", "count");
        byField = new RowFields(by.equals("count") ? List.of() : List.of(by));
        target = ResultTable.Target.of(options);
        if (key.size() == 0) {
            if (by.equals("count")) {
                throw options.error("by", "without a key, rank rows by a field: by: amount");
            }
            rows = RowCodec.of(context);
            Comparator<Row> byValue = Comparator.comparing(r -> byField.get(r, 0), Values.ORDER);
            Comparator<Row> rank = (descending ? byValue.reversed() : byValue)
                    .thenComparing((a, b) -> Values.compare(allValues(a), allValues(b)));
            rowRank = rank;
            best = new PriorityQueue<>(rank.reversed()); // the worst kept row at the head
        } else {
            Set<String> read = new LinkedHashSet<>(key.names());
            read.addAll(byField.names());
            rows = RowCodec.of(context).projecting(read);
        }
    }

    private static Object[] allValues(Row row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }

    @Override
    public Codec<Row> inputCodec() {
        return rows;
    }

    @Override
    public void accept(Row row) {
        if (best != null) {
            Object value = byField.get(row, 0);
            if (value != null) {
                best.add(row);
                if (best.size() > k) {
                    best.poll();
                }
            }
            return;
        }
        Tally tally = tallies.computeIfAbsent(new GroupKey(key.values(row)), g -> new Tally());
        tally.count++;
        if (byField.size() > 0) {
            Object value = byField.get(row, 0);
            if (value instanceof String) {
                throw new IllegalArgumentException("field '" + by + "' is a string: '" + value + "' cannot be added");
            }
            if (value != null) {
                tally.sum.add(value);
            }
        }
    }

    @Override
    public Object finish() throws Exception {
        ResultTable table = best != null ? topRows() : topGroups();
        if (target != null) {
            table.write(target);
        }
        return "top " + table.size() + (best != null ? " row(s) by " : " group(s) by ") + by
                + (target == null ? "" : ", written to " + target.path());
    }

    private ResultTable topRows() {
        List<Row> ranked = new ArrayList<>(best);
        ranked.sort(rowRank);
        ResultTable table = new ResultTable(ranked.isEmpty() ? List.of(by) : ranked.get(0).schema().names());
        RowFields columns = new RowFields(table.columns());
        for (Row row : ranked) {
            table.add(columns.values(row));
        }
        return table;
    }

    private ResultTable topGroups() {
        Comparator<Map.Entry<GroupKey, Tally>> metric = byField.size() == 0
                ? Comparator.comparingLong(e -> e.getValue().count)
                : Comparator.comparing(e -> e.getValue().sum.value(), Values.ORDER);
        Comparator<Map.Entry<GroupKey, Tally>> rank = (descending ? metric.reversed() : metric)
                .thenComparing(Map.Entry::getKey);
        List<Map.Entry<GroupKey, Tally>> entries = new ArrayList<>(tallies.entrySet());
        entries.sort(rank);
        List<String> columns = new ArrayList<>(key.names());
        columns.add("count");
        if (byField.size() > 0) {
            columns.add("sum_" + by);
        }
        ResultTable table = new ResultTable(columns);
        for (Map.Entry<GroupKey, Tally> e : entries.subList(0, Math.min(k, entries.size()))) {
            List<Object> values = new ArrayList<>(java.util.Arrays.asList(e.getKey().values()));
            values.add(e.getValue().count);
            if (byField.size() > 0) {
                values.add(e.getValue().sum.value());
            }
            table.add(values.toArray());
        }
        return table;
    }

    @Override
    public boolean snapshots() {
        return true;
    }

    @Override
    public void snapshot(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(VERSION);
        if (best != null) {
            out.writeInt(best.size());
            for (Row row : best) {
                StateIO.writeRow(out, row);
            }
        } else {
            out.writeInt(tallies.size());
            for (Map.Entry<GroupKey, Tally> e : tallies.entrySet()) {
                for (Object v : e.getKey().values()) {
                    StateIO.writeValue(out, v);
                }
                out.writeLong(e.getValue().count);
                e.getValue().sum.write(out);
            }
        }
        out.flush();
    }

    @Override
    public void restore(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != VERSION) {
            throw new IOException("not a snapshot of top-k");
        }
        int n = in.readInt();
        if (best != null) {
            best.clear();
            for (int i = 0; i < n; i++) {
                best.add(StateIO.readRow(in));
            }
            return;
        }
        tallies.clear();
        for (int i = 0; i < n; i++) {
            Object[] values = new Object[key.size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = StateIO.readValue(in);
            }
            Tally tally = new Tally();
            tally.count = in.readLong();
            tally.sum = ExactSum.read(in);
            tallies.put(new GroupKey(values), tally);
        }
    }
}
