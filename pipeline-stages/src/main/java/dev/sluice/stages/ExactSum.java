package dev.sluice.stages;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A sum that does not depend on the order of its terms: longs add exactly, doubles by Shewchuk's
 * algorithm (the one behind Python's {@code math.fsum}), keeping the exact sum as non-overlapping
 * partials and rounding once at the end. So a group's total is the same whichever order parallel
 * workers deliver its rows, and the same after a crash and a replay.
 */
final class ExactSum {
    private long longs;
    private double[] partials = new double[2];
    private int size;
    private double special; // the sum of infinities and NaNs, which partials cannot hold
    private long count;
    private boolean sawDouble;

    void add(Object value) {
        if (value instanceof Long l) {
            longs = Math.addExact(longs, l);
        } else {
            sawDouble = true;
            addDouble((Double) value);
        }
        count++;
    }

    private void addDouble(double x) {
        if (!Double.isFinite(x)) {
            special += x;
            return;
        }
        int i = 0;
        for (int j = 0; j < size; j++) {
            double y = partials[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[i++] = lo;
            }
            x = hi;
        }
        if (i == partials.length) {
            partials = Arrays.copyOf(partials, i * 2);
        }
        partials[i] = x;
        size = i + 1;
    }

    /** Terms added (nulls are not). */
    long count() {
        return count;
    }

    /** True once a double was added: the sum is a double. */
    boolean isDouble() {
        return sawDouble;
    }

    long longValue() {
        return longs;
    }

    /** The exact sum, rounded once (half to even). */
    double doubleValue() {
        if (special != 0 || Double.isNaN(special)) {
            return special;
        }
        ExactSum all = new ExactSum();
        for (int i = 0; i < size; i++) {
            all.addDouble(partials[i]);
        }
        double hi = (double) longs; // the long part, split into two doubles that hold it exactly
        all.addDouble(hi);
        all.addDouble((double) (longs - (long) hi));
        return all.rounded();
    }

    private double rounded() {
        int n = size;
        double hi = 0.0;
        double lo = 0.0;
        if (n > 0) {
            hi = partials[--n];
            while (n > 0) {
                double x = hi;
                double y = partials[--n];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0.0) {
                    break;
                }
            }
            if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
                double y = lo * 2.0;
                double x = hi + y;
                if (y == x - hi) {
                    hi = x;
                }
            }
        }
        return hi;
    }

    /** The sum as a Long (all terms were longs) or a Double; null if nothing was added. */
    Object value() {
        return count == 0 ? null : sawDouble ? (Object) doubleValue() : (Object) longs;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(longs);
        out.writeLong(count);
        out.writeBoolean(sawDouble);
        out.writeLong(Double.doubleToRawLongBits(special));
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(Double.doubleToRawLongBits(partials[i]));
        }
    }

    static ExactSum read(DataInput in) throws IOException {
        ExactSum sum = new ExactSum();
        sum.longs = in.readLong();
        sum.count = in.readLong();
        sum.sawDouble = in.readBoolean();
        sum.special = Double.longBitsToDouble(in.readLong());
        sum.size = in.readInt();
        sum.partials = new double[Math.max(2, sum.size + 1)];
        for (int i = 0; i < sum.size; i++) {
            sum.partials[i] = Double.longBitsToDouble(in.readLong());
        }
        return sum;
    }
}
