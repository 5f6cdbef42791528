package dev.sluice.counters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.status.CountersReader;

/**
 * Every counter of a run read at one moment, by any process, with no knowledge of the pipeline:
 * slots come from the counters' keys and labels alone.
 */
public record RunSnapshot(long takenMillis, Map<PipelineField, Long> pipeline, List<SlotStatus> slots,
                          Map<Long, long[]> consumed) {

    public static RunSnapshot read(CountersReader reader) {
        Map<Long, SlotStatus> slots = new LinkedHashMap<>();
        Map<PipelineField, Long> pipeline = new EnumMap<>(PipelineField.class);
        Map<Long, long[]> consumed = new HashMap<>();
        reader.forEach((counterId, typeId, key, label) -> {
            long value = reader.getCounterValue(counterId);
            switch (typeId) {
                case ControlFileDescriptor.SLOT_COUNTER_TYPE -> {
                    int stage = CounterKeys.get(key, 0);
                    int worker = CounterKeys.get(key, 1);
                    SlotField field = SlotField.byId(CounterKeys.get(key, 2));
                    String slotLabel = label.substring(0, label.lastIndexOf(' '));
                    String stageName = slotLabel.substring(0, slotLabel.lastIndexOf('-'));
                    long[] values = slots.computeIfAbsent(((long) stage << 32) | worker, k -> new SlotStatus(stageName,
                            stage, worker, new long[SlotField.values().length])).values();
                    if (field != null) {
                        values[field.ordinal()] = value;
                    }
                }
                case ControlFileDescriptor.PIPELINE_COUNTER_TYPE -> {
                    PipelineField field = PipelineField.byId(CounterKeys.get(key, 0));
                    if (field != null) {
                        pipeline.put(field, value);
                    }
                }
                case ControlFileDescriptor.INPUT_CONSUMED_TYPE -> {
                    InputField field = InputField.byId(CounterKeys.get(key, 2));
                    long[] values = consumed.computeIfAbsent(inputKey(CounterKeys.get(key, 0), CounterKeys.get(key, 1)),
                            k -> new long[InputField.values().length]);
                    if (field != null) {
                        values[field.ordinal()] = value;
                    }
                }
                default -> { }
            }
        });
        List<SlotStatus> ordered = new ArrayList<>(slots.values());
        ordered.sort(Comparator.comparingInt(SlotStatus::stageIndex).thenComparingInt(SlotStatus::worker));
        return new RunSnapshot(System.currentTimeMillis(), pipeline, ordered, consumed);
    }

    /** How far stage {@code stageIndex} has consumed its input queue {@code inputQueue}. */
    public long consumed(int stageIndex, int inputQueue, InputField field) {
        long[] values = consumed.get(inputKey(stageIndex, inputQueue));
        return values == null ? 0 : values[field.ordinal()];
    }

    private static long inputKey(int stageIndex, int inputQueue) {
        return ((long) stageIndex << 32) | inputQueue;
    }

    /** Slots grouped by stage, in pipeline order. */
    public Map<String, List<SlotStatus>> byStage() {
        Map<String, List<SlotStatus>> stages = new LinkedHashMap<>();
        for (SlotStatus slot : slots) {
            stages.computeIfAbsent(slot.stage(), k -> new ArrayList<>()).add(slot);
        }
        return stages;
    }

    public long sum(String stage, SlotField field) {
        return byStage().getOrDefault(stage, List.of()).stream().mapToLong(s -> s.get(field)).sum();
    }
}
