package dev.sluice.counters;

/** One slot's counters as read at one moment. */
public record SlotStatus(String stage, int stageIndex, int worker, long[] values) {
    public long get(SlotField field) {
        return values[field.ordinal()];
    }

    public ProcessState state() {
        return ProcessState.of(get(SlotField.STATE));
    }

    public String slotName() {
        return stage + "-" + worker;
    }
}
