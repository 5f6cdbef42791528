package dev.sluice.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;

class IntervalLogWriterTest {
    private static final long START_MS = 1_795_648_544_076L;

    private static Histogram interval(long startMs, long endMs, String tag, long... values) {
        Histogram histogram = new Histogram(3);
        for (long value : values) {
            histogram.recordValue(value);
        }
        histogram.setStartTimeStamp(startMs);
        histogram.setEndTimeStamp(endMs);
        histogram.setTag(tag);
        return histogram;
    }

    private static final List<Histogram> INTERVALS = List.of(
            interval(START_MS + 3, START_MS + 1_003, "numbers-0.processing", 1_234_500, 7, 142_475_000),
            interval(START_MS + 1_003, START_MS + 2_050, "total-0.end-to-end", 999_999_999_999L),
            interval(START_MS + 2_050, START_MS + 2_051, "a-1.queue-wait", 500));

    @Test
    void shouldWriteWhatHdrHistogramsWriterWritesApartFromTheStartTimesDate() throws Exception {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        IntervalLogWriter writer = new IntervalLogWriter(ours, "sluice a-0 pid 1, values in nanoseconds", START_MS);
        for (Histogram histogram : INTERVALS) {
            writer.write(histogram);
        }
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(theirs, false, StandardCharsets.US_ASCII)) {
            HistogramLogWriter log = new HistogramLogWriter(stream);
            log.outputComment("sluice a-0 pid 1, values in nanoseconds");
            log.outputLogFormatVersion();
            log.outputStartTime(START_MS);
            log.setBaseTime(START_MS);
            log.outputBaseTime(START_MS);
            log.outputLegend();
            for (Histogram histogram : INTERVALS) {
                log.outputIntervalHistogram(histogram);
            }
        }
        String expected = theirs.toString(StandardCharsets.US_ASCII)
                .replaceFirst("\\(seconds since epoch\\), [^\\]]*\\]", "(seconds since epoch)]");
        assertEquals(expected, ours.toString(StandardCharsets.US_ASCII));

        HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(ours.toByteArray()));
        for (Histogram histogram : INTERVALS) {
            Histogram read = (Histogram) reader.nextIntervalHistogram();
            assertEquals(histogram, read);
            assertEquals(histogram.getTag(), read.getTag());
            // the reader parses seconds as a double: a millisecond either way
            assertEquals(histogram.getStartTimeStamp(), read.getStartTimeStamp(), 1);
        }
        assertNull(reader.nextIntervalHistogram());
        assertEquals(START_MS / 1000.0, reader.getStartTimeSec());
    }

    @Test
    void shouldPrintThousandthsAsPercentPointThreeF() {
        for (long thousandths : new long[] {0, 5, 76, 999, 1_000, 1_001, 12_345, -3, -1_050, 1_795_648_544_076L}) {
            assertEquals(String.format(java.util.Locale.US, "%.3f", thousandths / 1000.0),
                    IntervalLogWriter.threeDecimals(thousandths), Long.toString(thousandths));
        }
    }
}
