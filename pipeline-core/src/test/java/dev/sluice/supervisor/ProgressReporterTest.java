package dev.sluice.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.config.ConfigLoader;
import dev.sluice.config.LoadOptions;
import dev.sluice.config.PipelineConfig;
import dev.sluice.config.TestStages;
import dev.sluice.counters.InputField;
import dev.sluice.counters.RunSnapshot;
import dev.sluice.counters.SlotField;
import dev.sluice.counters.SlotStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    static final PipelineConfig CONFIG = ConfigLoader.parse("""
            pipeline: p
            stages:
              - {name: in, type: numbers}
              - {name: twice, class: %s, inputs: [in], workers: 2}
              - {name: out, type: total, inputs: [twice]}
            """.formatted(TestStages.Double.class.getName()), Path.of("/p.yaml"),
            new LoadOptions(Map.of(), Map.of(), Path.of("/base"), "run-1", null));

    static SlotStatus slot(String stage, int index, int worker, Map<SlotField, Long> values) {
        long[] all = new long[SlotField.values().length];
        values.forEach((field, value) -> all[field.ordinal()] = value);
        return new SlotStatus(stage, index, worker, all);
    }

    static RunSnapshot snapshot(long takenMs, long sourceDone, long twiceOut, long twiceConsumedRecords) {
        return new RunSnapshot(takenMs, Map.of(), List.of(
                slot("in", 0, 0, Map.of(SlotField.RECORDS_OUT, sourceDone, SlotField.DOCS_OUT, sourceDone / 100,
                        SlotField.SOURCE_DONE, sourceDone, SlotField.SOURCE_SIZE, 100_000L)),
                slot("twice", 1, 0, Map.of(SlotField.RECORDS_IN, twiceOut, SlotField.RECORDS_OUT, twiceOut,
                        SlotField.RESTARTS, 1L)),
                slot("twice", 1, 1, Map.of()),
                slot("out", 2, 0, Map.of())),
                Map.of(((long) 1 << 32), new long[] {twiceConsumedRecords / 100, twiceConsumedRecords}));
    }

    @Test
    void shouldShowPercentDoneEtaRatesBacklogAndRestarts() {
        RunSnapshot before = snapshot(10_000, 20_000, 10_000, 10_000);
        RunSnapshot now = snapshot(12_000, 25_000, 14_000, 14_000);

        String line = ProgressReporter.line(CONFIG, before, now, 12_000);

        assertEquals("[  12.0s]  25% ETA 36s | in in 0 out 25.0k 2500/s | twice(2) in 14.0k out 14.0k 2000/s"
                + " backlog 11.0k restarts 1 | out in 0 out 0 0/s backlog 14.0k", line);
        assertEquals(11_000, 25_000 - now.consumed(1, 0, InputField.RECORDS));
    }

    @Test
    void shouldSayNothingOfProgressWhenNoSourceKnowsItsSize() {
        RunSnapshot now = new RunSnapshot(0, Map.of(), List.of(slot("in", 0, 0, Map.of(SlotField.RECORDS_OUT, 5L))), Map.of());

        assertEquals("[   1.5s] in in 0 out 5", ProgressReporter.line(CONFIG, null, now, 1_500));
    }

    @Test
    void shouldWriteDurationsShort() {
        assertEquals("42s", ProgressReporter.duration(42_400));
        assertEquals("3m05s", ProgressReporter.duration(185_000));
        assertEquals("1h02m", ProgressReporter.duration(3_720_000));
    }
}
