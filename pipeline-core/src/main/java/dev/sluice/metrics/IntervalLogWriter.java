package dev.sluice.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Writes an HdrHistogram interval log ({@link HistogramLogFiles}) in the format of HdrHistogram's
 * {@code HistogramLogWriter} (version 1.3), which {@link HistogramLogReader} reads: the same lines, with times
 * in whole milliseconds printed as seconds. Not that writer: its {@code String.format} of doubles and
 * {@code Date.toString} (time-zone names) cost every stage process CPU at the end of its slot.
 */
final class IntervalLogWriter {
    /** HdrHistogram's default unit of the interval maximum: values in nanoseconds, maxima in milliseconds. */
    private static final long MAX_VALUE_UNIT = 1_000_000;

    private final OutputStream out;
    private final long baseMillis;
    /**
     * Reused: a new one for every interval of every histogram (over 100 KB each, every second in every stage process)
     * made the metrics thread's encoding cost about 0.9 ms of CPU instead of 0.25 ms, mostly page faults on fresh
     * heap, taken from the stage's cores while it runs.
     */
    private ByteBuffer buffer = ByteBuffer.allocate(0);

    /** Writes the header: {@code comment}, the format version, start and base time ({@code startMillis}), legend. */
    IntervalLogWriter(OutputStream out, String comment, long startMillis) throws IOException {
        this.out = out;
        this.baseMillis = startMillis;
        write("#" + comment + "\n"
                + "#[Histogram log format version 1.3]\n"
                + "#[StartTime: " + threeDecimals(startMillis) + " (seconds since epoch)]\n"
                + "#[BaseTime: " + threeDecimals(startMillis) + " (seconds since epoch)]\n"
                + "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n");
    }

    /** One interval: its tag, start (from the base time) and length, maximum, and the compressed histogram. */
    void write(Histogram interval) throws IOException {
        String tag = interval.getTag();
        int needed = interval.getNeededByteBufferCapacity();
        if (buffer.capacity() < needed) {
            buffer = ByteBuffer.allocate(needed);
        }
        buffer.clear();
        int length = interval.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_COMPRESSION);
        long start = interval.getStartTimeStamp();
        long maxThousandths = (interval.getMaxValue() + MAX_VALUE_UNIT / 2000) / (MAX_VALUE_UNIT / 1000);
        write((tag == null ? "" : "Tag=" + tag + ",") + threeDecimals(start - baseMillis) + ","
                + threeDecimals(interval.getEndTimeStamp() - start) + "," + threeDecimals(maxThousandths) + ","
                + Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)) + "\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Thousandths (milliseconds as seconds, say) with three decimals: what {@code %.3f} prints of them. */
    static String threeDecimals(long thousandths) {
        long magnitude = Math.abs(thousandths);
        long fraction = magnitude % 1000;
        return (thousandths < 0 ? "-" : "") + magnitude / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".")
                + fraction;
    }
}
