package dev.sluice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The run id written by hand is what java.time and String.format wrote. */
class RunIdTest {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Test
    void isTheLocalTimeThenFourHexDigits() {
        long[] times = {0L, 951_782_400_000L, 1_764_111_599_999L, 1_764_111_600_000L, System.currentTimeMillis(),
                4_102_444_799_000L};
        int[] randoms = {0, 0xa, 0xbeef, 0xffff, 0x100, 0x7};
        for (int i = 0; i < times.length; i++) {
            String expected = LocalDateTime.ofInstant(Instant.ofEpochMilli(times[i]), ZoneId.systemDefault()).format(FORMAT)
                    + "-" + String.format("%04x", randoms[i]);
            assertEquals(expected, Pipeline.runId(times[i], randoms[i]), "at " + times[i]);
        }
    }
}
