package dev.sluice.runtime;

import dev.sluice.api.Stage;
import dev.sluice.config.StageConfig;
import dev.sluice.config.StageKind;
import dev.sluice.counters.InputField;
import dev.sluice.counters.ProcessState;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.errors.SlotErrorLog;
import dev.sluice.metrics.DocumentMetrics;
import dev.sluice.metrics.DutyCycleClock;
import dev.sluice.metrics.SlotMetrics;
import dev.sluice.queue.DocumentReader;
import dev.sluice.queue.DocumentWriter;
import dev.sluice.rundir.RunContext;
import dev.sluice.rundir.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Runs one slot (stage, worker) to its end: builds the stage's agent over its queues and counters,
 * then drives it in a duty cycle with the stage's idle strategy, beating the heartbeat every cycle.
 * The same code runs a stage process and, in-process mode, a thread.
 */
public final class SlotRunner {
    /** The time every agent of a slot reads (heartbeats, liveness, snapshots, backpressure): the one seam for it. */
    private static final EpochClock CLOCK = SystemEpochClock.INSTANCE;

    private SlotRunner() {
    }

    /**
     * @param stopRequested polled every cycle; when it turns true the slot stops where it is
     * @return true if the slot ran to its end, false if it was stopped
     */
    public static boolean run(RunContext run, StageConfig stage, int worker, BooleanSupplier stopRequested)
            throws Exception {
        SlotCounters counters = run.counters().slot(run.config().indexOf(stage.name()), worker);
        counters.get(SlotField.PID).setRelease(ProcessHandle.current().pid());
        counters.get(SlotField.STARTED_MS).setRelease(CLOCK.time());
        counters.get(SlotField.FIRST_RECORD_MS).setRelease(0);
        counters.state(ProcessState.STARTING);
        SlotErrorLog errors = SlotErrorLog.of(run.layout().errors(), stage.name(), worker);
        try (SlotMetrics metrics = SlotMetrics.start(run.config().metrics(), run.layout().metrics(), stage.name(),
                worker, counters, stage.kind() == StageKind.AGGREGATE, consumedInputs(run, stage))) {
            return run(run, stage, worker, counters, metrics, errors, stopRequested);
        }
    }

    private static boolean run(RunContext run, StageConfig stage, int worker, SlotCounters counters,
                               SlotMetrics metrics, SlotErrorLog errors, BooleanSupplier stopRequested) throws Exception {
        StageAgent agent;
        try {
            agent = agent(run, stage, worker, counters, metrics.documents());
        } catch (Exception | Error e) {
            fail(counters, errors, e);
            throw e;
        }
        try {
            boolean finished = dutyCycle(agent, stage.settings().idle().newStrategy(), counters, metrics.clock(),
                    stopRequested);
            agent.onClose();
            if (finished) {
                counters.get(SlotField.FINISHED_MS).setRelease(CLOCK.time());
                counters.state(ProcessState.DONE);
            } else {
                counters.state(ProcessState.STOPPED);
            }
            return finished;
        } catch (Exception | Error e) {
            fail(counters, errors, e);
            try {
                agent.onClose();
            } catch (Exception closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    private static boolean dutyCycle(StageAgent agent, IdleStrategy idle, SlotCounters counters, DutyCycleClock clock,
                                     BooleanSupplier stopRequested) throws Exception {
        AtomicCounter heartbeat = counters.get(SlotField.HEARTBEAT_MS);
        heartbeat.setRelease(CLOCK.time());
        agent.onStart();
        counters.state(ProcessState.RUNNING);
        clock.begin();
        while (!agent.isDone()) {
            if (stopRequested.getAsBoolean()) {
                return false;
            }
            heartbeat.setRelease(CLOCK.time());
            int work = agent.doWork();
            idle.idle(work);
            clock.cycle(work);
        }
        return true;
    }

    private static void fail(SlotCounters counters, SlotErrorLog errors, Throwable error) {
        errors.record(error);
        counters.get(SlotField.ERRORS).incrementRelease();
        counters.state(ProcessState.FAILED);
    }

    private static StageAgent agent(RunContext run, StageConfig stage, int worker, SlotCounters counters,
                                    DocumentMetrics documents) throws Exception {
        Stage instance = StageFactory.create(run.config(), stage);
        documents.sizedBy(instance);
        SlotContext context = new SlotContext(run.config(), stage, worker, run.layout().dir());
        Topology topology = run.topology();
        int stageIndex = run.config().indexOf(stage.name());
        return switch (stage.kind()) {
            case SOURCE -> new SourceAgent(PerRecordStages.source(instance), context, writer(run, stage, worker), counters,
                    backpressure(run, stage, worker, counters), new RecordErrors(context, run, counters), documents);
            case PARALLEL -> {
                List<ClaimedInput> inputs = new ArrayList<>();
                List<String> queues = topology.inputQueues(stage);
                for (int q = 0; q < queues.size(); q++) {
                    inputs.add(new ClaimedInput(q, reader(run, queues.get(q), DocumentReader.ALL_SECTIONS),
                            run.counters().inputPosition(stageIndex, q)));
                }
                List<SlotCounters> siblings = new ArrayList<>();
                for (int w = 0; w < stage.workers(); w++) {
                    siblings.add(w == worker ? counters : run.counters().slot(stageIndex, w));
                }
                // a sibling silent for twice hang-timeout is not running: the supervisor finds a process silent for
                // hang-timeout hung and kills it (it then shows FAILED), so one paused mid-claim (SIGSTOP, a long GC)
                // is gone before its siblings stop waiting for it
                ClaimLedger ledger = new ClaimLedger(siblings, worker,
                        new SlotLiveness(CLOCK, 2 * stage.settings().hangTimeoutMillis()), new SleepingMillisIdleStrategy(1));
                yield new ParallelAgent(PerRecordStages.processor(instance), context, inputs, writer(run, stage, worker),
                        counters, ledger, new SiblingOutputs(run, stage, worker)::cover,
                        new RecordErrors(context, run, counters), backpressure(run, stage, worker, counters),
                        documents);
            }
            case AGGREGATE -> {
                int section = stage.partitions() > 1 ? worker : DocumentReader.ALL_SECTIONS;
                List<DocumentReader> readers = new ArrayList<>();
                List<AtomicCounter> positions = new ArrayList<>();
                List<String> queues = topology.inputQueues(stage);
                for (int q = 0; q < queues.size(); q++) {
                    readers.add(reader(run, queues.get(q), section));
                    positions.add(run.counters().inputPosition(stageIndex, topology.positionIndex(stage, q, worker)));
                }
                yield new AggregateAgent(PerRecordStages.aggregate(instance), context, readers,
                        run.layout().result(stage.name()), AggregateCheckpoint.fileOf(run.layout(), stage, worker), counters,
                        new RecordErrors(context, run, counters), positions,
                        new PartitionMerge(run.layout(), stage, worker), documents, CLOCK);
            }
        };
    }

    private static Backpressure backpressure(RunContext run, StageConfig stage, int worker, SlotCounters counters) {
        List<LongSupplier> readers = new ArrayList<>();
        Topology topology = run.topology();
        for (Topology.Reader reader : topology.readersOf(Topology.queueName(stage, worker))) {
            AtomicCounter position = run.counters().inputPosition(run.config().indexOf(reader.stage().name()),
                    topology.positionIndex(reader.stage(), reader.inputIndex(), reader.partition()));
            readers.add(reader.stage().kind() == StageKind.PARALLEL ? () -> PackedClaim.nextDoc(position.get())
                    : position::get);
        }
        return new Backpressure(readers, stage.settings().maxLag(), counters.get(SlotField.BACKPRESSURE_MS), CLOCK);
    }

    private static List<DocumentMetrics.ConsumedInput> consumedInputs(RunContext run, StageConfig stage) {
        List<DocumentMetrics.ConsumedInput> inputs = new ArrayList<>();
        int stageIndex = run.config().indexOf(stage.name());
        for (int q = 0; q < run.topology().inputQueues(stage).size(); q++) {
            inputs.add(new DocumentMetrics.ConsumedInput(run.counters().inputConsumed(stageIndex, q, InputField.DOCS),
                    run.counters().inputConsumed(stageIndex, q, InputField.RECORDS)));
        }
        return inputs;
    }

    private static DocumentWriter writer(RunContext run, StageConfig stage, int worker) {
        String queue = Topology.queueName(stage, worker);
        return new DocumentWriter(run.openQueue(queue), run.diskBudget(), run.topology().partitionsReading(queue));
    }

    private static DocumentReader reader(RunContext run, String queue, int section) {
        return new DocumentReader(run.openQueue(queue), section);
    }
}
