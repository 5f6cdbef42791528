package dev.sluice.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts {@link Row}s on a queue compactly: each row is its schema's 4-byte id, a null bitmap, then
 * the values (longs as zig-zag varints, doubles as 8 bytes, strings as a varint length and UTF-8).
 * Field names are written once per schema, into the run's {@code schemas/} directory, before the first
 * row that uses it. Not thread-safe: one codec per stage instance.
 *
 * <pre>{@code
 * private RowCodec rows;
 * public void open(StageContext context) { rows = RowCodec.of(context); }
 * public Codec<Row> inputCodec() { return rows; }
 * }</pre>
 */
public final class RowCodec implements Codec<Row> {
    private final SchemaRegistry registry;
    private final java.util.Set<String> projection;
    private final Map<Integer, Plan> plans = new HashMap<>();
    private RowSchema lastRegistered;
    private int lastId;
    private Plan lastPlan;
    private byte[] scratch = new byte[256];

    private RowCodec(SchemaRegistry registry, java.util.Set<String> projection) {
        this.registry = registry;
        this.projection = projection;
    }

    /** A codec whose schemas live in the stage's run directory ({@code schemas/}), shared by every process. */
    public static RowCodec of(StageContext context) {
        return forRunDirectory(context.runDirectory());
    }

    public static RowCodec forRunDirectory(Path runDirectory) {
        return new RowCodec(SchemaRegistry.in(runDirectory.resolve("schemas")), null);
    }

    /** A codec whose schemas live in this JVM only (tests, tools). */
    public static RowCodec inMemory() {
        return new RowCodec(SchemaRegistry.inMemory(), null);
    }

    /**
     * A codec like this one that decodes only the named fields (those a row has, in its order), skipping
     * the others' bytes: what an aggregate that reads two fields of ten needs. Encoding is unchanged.
     */
    public RowCodec projecting(Collection<String> fields) {
        return new RowCodec(registry, java.util.Set.copyOf(fields));
    }

    @Override
    public void encode(Row row, RecordOutput out) {
        RowSchema schema = row.schema();
        if (schema != lastRegistered) {
            registry.register(schema);
            lastRegistered = schema;
        }
        out.writeInt(schema.id());
        int n = schema.size();
        for (int base = 0; base < n; base += 8) {
            int bits = 0;
            for (int i = base; i < Math.min(n, base + 8); i++) {
                if (row.isNull(i)) {
                    bits |= 1 << (i - base);
                }
            }
            out.writeByte(bits);
        }
        for (int i = 0; i < n; i++) {
            Object value = row.get(i);
            if (value == null) {
                continue;
            }
            switch (schema.type(i)) {
                case LONG -> writeVarLong(out, zigZag((Long) value));
                case DOUBLE -> out.writeDouble((Double) value);
                case STRING -> {
                    byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
                    writeVarLong(out, utf8.length);
                    out.writeBytes(utf8, 0, utf8.length);
                }
            }
        }
    }

    @Override
    public Row decode(RecordInput in) {
        int id = in.readInt();
        Plan plan = id == lastId && lastPlan != null ? lastPlan : plan(id);
        RowSchema source = plan.source;
        int n = source.size();
        long nulls = 0;
        byte[] extraNulls = n > 64 ? new byte[(n + 7) / 8] : null;
        for (int base = 0; base < n; base += 8) {
            int bits = in.readByte() & 0xff;
            if (extraNulls != null) {
                extraNulls[base / 8] = (byte) bits;
            } else {
                nulls |= (long) bits << base;
            }
        }
        Object[] values = new Object[plan.target.size()];
        for (int i = 0; i < n; i++) {
            boolean isNull = extraNulls != null ? (extraNulls[i / 8] & (1 << (i % 8))) != 0 : (nulls & (1L << i)) != 0;
            if (isNull) {
                continue;
            }
            int to = plan.slot[i];
            switch (source.type(i)) {
                case LONG -> {
                    long value = unZigZag(readVarLong(in));
                    if (to >= 0) {
                        values[to] = value;
                    }
                }
                case DOUBLE -> {
                    double value = in.readDouble();
                    if (to >= 0) {
                        values[to] = value;
                    }
                }
                case STRING -> {
                    int length = (int) readVarLong(in);
                    if (length > scratch.length) {
                        scratch = new byte[Math.max(length, scratch.length * 2)];
                    }
                    in.readBytes(scratch, 0, length);
                    if (to >= 0) {
                        values[to] = new String(scratch, 0, length, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return new Row(plan.target, values);
    }

    private Plan plan(int id) {
        Plan plan = plans.get(id);
        if (plan == null) {
            RowSchema source = registry.lookup(id);
            RowSchema target = source;
            int[] slot = new int[source.size()];
            if (projection == null) {
                for (int i = 0; i < slot.length; i++) {
                    slot[i] = i;
                }
            } else {
                List<String> kept = new ArrayList<>();
                for (String field : source.names()) {
                    if (projection.contains(field)) {
                        kept.add(field);
                    }
                }
                target = source.select(kept);
                for (int i = 0; i < slot.length; i++) {
                    slot[i] = target.indexOf(source.name(i));
                }
            }
            plan = new Plan(source, target, slot);
            plans.put(id, plan);
        }
        lastId = id;
        lastPlan = plan;
        return plan;
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static void writeVarLong(RecordOutput out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    private static long readVarLong(RecordInput in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            if (shift > 63) {
                throw new IllegalStateException("malformed row: varint too long");
            }
        }
    }

    /** How rows of one schema decode: each source field's slot in the target row, or -1 to skip it. */
    private record Plan(RowSchema source, RowSchema target, int[] slot) {
    }
}
