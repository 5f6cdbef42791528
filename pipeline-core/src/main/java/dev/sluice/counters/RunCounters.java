package dev.sluice.counters;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;

/**
 * The counters of one run, found by key in its control file. The supervisor {@link #create}s them
 * all before any stage starts; a stage process {@link #open}s the file and looks its own up.
 */
public final class RunCounters implements AutoCloseable {
    private final ControlFile file;
    private final Map<Long, Integer> slotIds = new HashMap<>();
    private final Map<Long, Integer> inputIds = new HashMap<>();
    private final Map<Integer, Integer> pipelineIds = new HashMap<>();
    private final Map<Long, Integer> consumedIds = new HashMap<>();

    private RunCounters(ControlFile file) {
        this.file = file;
        file.reader().forEach((counterId, typeId, key, label) -> {
            switch (typeId) {
                case ControlFileDescriptor.SLOT_COUNTER_TYPE -> slotIds.put(
                        slotKey(CounterKeys.get(key, 0), CounterKeys.get(key, 1), CounterKeys.get(key, 2)), counterId);
                case ControlFileDescriptor.INPUT_POSITION_TYPE -> inputIds.put(
                        pair(CounterKeys.get(key, 0), CounterKeys.get(key, 1)), counterId);
                case ControlFileDescriptor.PIPELINE_COUNTER_TYPE -> pipelineIds.put(CounterKeys.get(key, 0), counterId);
                case ControlFileDescriptor.INPUT_CONSUMED_TYPE -> consumedIds.put(
                        slotKey(CounterKeys.get(key, 0), CounterKeys.get(key, 1), CounterKeys.get(key, 2)), counterId);
                default -> { }
            }
        });
    }

    /**
     * Creates the control file with every counter allocated. It is built under a temporary name and
     * renamed into place, so a reader never sees it half allocated.
     */
    public static RunCounters create(Path path, String pipeline, List<CounterSpec> stages) {
        int count = PipelineField.values().length;
        for (CounterSpec stage : stages) {
            count += stage.workers() * SlotField.values().length + stage.inputQueues() * (1 + InputField.values().length);
        }
        Path building = path.resolveSibling(path.getFileName() + ".tmp");
        ControlFile file = ControlFile.create(building, count);
        for (PipelineField field : PipelineField.values()) {
            file.allocate(pipeline + " " + field.label(), ControlFileDescriptor.PIPELINE_COUNTER_TYPE,
                    key -> CounterKeys.put(key, field.id()));
        }
        for (int s = 0; s < stages.size(); s++) {
            CounterSpec stage = stages.get(s);
            int stageIndex = s;
            for (int w = 0; w < stage.workers(); w++) {
                int worker = w;
                for (SlotField field : SlotField.values()) {
                    file.allocate(stage.stageName() + "-" + w + " " + field.label(),
                            ControlFileDescriptor.SLOT_COUNTER_TYPE,
                            key -> CounterKeys.put(key, stageIndex, worker, field.id()));
                }
            }
            for (int q = 0; q < stage.inputQueues(); q++) {
                int queue = q;
                file.allocate(stage.stageName() + " input " + q, ControlFileDescriptor.INPUT_POSITION_TYPE,
                        key -> CounterKeys.put(key, stageIndex, queue));
                for (InputField field : InputField.values()) {
                    file.allocate(stage.stageName() + " input " + q + " " + field.label(),
                            ControlFileDescriptor.INPUT_CONSUMED_TYPE,
                            key -> CounterKeys.put(key, stageIndex, queue, field.id()));
                }
            }
        }
        try {
            java.nio.file.Files.move(building, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            file.close();
            throw new java.io.UncheckedIOException("cannot create " + path, e);
        }
        return new RunCounters(file);
    }

    public static RunCounters open(Path path) {
        return new RunCounters(ControlFile.open(path, true));
    }

    public SlotCounters slot(int stageIndex, int worker) {
        Map<SlotField, AtomicCounter> counters = new EnumMap<>(SlotField.class);
        for (SlotField field : SlotField.values()) {
            Integer id = slotIds.get(slotKey(stageIndex, worker, field.id()));
            if (id == null) {
                throw new IllegalStateException("control file has no counters for stage " + stageIndex + " worker " + worker);
            }
            counters.put(field, file.counter(id));
        }
        return new SlotCounters(counters);
    }

    /**
     * How far a stage has got in one of its input queues: for a parallel stage the claim counter its
     * workers take ranges from (the next unclaimed document, packed with the next claim's size), for an
     * aggregate the documents it has consumed (one counter per partition). Writers read it for flow control.
     */
    public AtomicCounter inputPosition(int stageIndex, int inputQueue) {
        Integer id = inputIds.get(pair(stageIndex, inputQueue));
        if (id == null) {
            throw new IllegalStateException("control file has no input position for stage " + stageIndex + " queue " + inputQueue);
        }
        return file.counter(id);
    }

    /** How far a stage has consumed one of its input queues (see {@link InputField}). */
    public AtomicCounter inputConsumed(int stageIndex, int inputQueue, InputField field) {
        Integer id = consumedIds.get(slotKey(stageIndex, inputQueue, field.id()));
        if (id == null) {
            throw new IllegalStateException("control file has no input counters for stage " + stageIndex + " queue " + inputQueue);
        }
        return file.counter(id);
    }

    public AtomicCounter pipeline(PipelineField field) {
        Integer id = pipelineIds.get(field.id());
        if (id == null) {
            throw new IllegalStateException("control file has no counter " + field.label()
                    + ": it was made by an older Sluice");
        }
        return file.counter(id);
    }

    public CountersReader reader() {
        return file.reader();
    }

    @Override
    public void close() {
        file.close();
    }

    private static long slotKey(int stage, int worker, int field) {
        return ((long) stage << 40) | ((long) worker << 16) | field;
    }

    private static long pair(int a, int b) {
        return ((long) a << 32) | b;
    }
}
