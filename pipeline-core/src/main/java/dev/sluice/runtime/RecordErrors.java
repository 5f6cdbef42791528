package dev.sluice.runtime;

import dev.sluice.api.BadInputException;
import dev.sluice.config.ErrorPolicy;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.errors.SlotErrorLog;
import dev.sluice.queue.DeadLetter;
import dev.sluice.queue.DeadLetterQueue;
import dev.sluice.queue.DiskFullException;
import dev.sluice.queue.DocumentFullException;
import dev.sluice.queue.DocumentReader;
import dev.sluice.rundir.RunContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;

/**
 * A stage's {@code on-error} policy for records that throw, and for poison records (ones that crashed or
 * hung their process {@code poison-after} times): {@code fail} the run, {@code skip} them, or
 * {@code dead-letter} them into {@code dlq/<stage>-<worker>} with their error and bytes.
 */
final class RecordErrors implements DocumentReader.RecordErrorHandler, AutoCloseable {
    private static final int LOGGED = 10;

    private final SlotContext context;
    private final ErrorPolicy policy;
    private final RunContext run;
    private final AtomicCounter errors;
    private final Logger log;
    private final SlotErrorLog errorLog;
    private DeadLetterQueue dlq;
    private int inputQueue;
    private long docSeq;

    RecordErrors(SlotContext context, RunContext run, SlotCounters counters) {
        this.context = context;
        this.policy = context.stage().settings().onError();
        this.run = run;
        this.errors = counters.get(SlotField.ERRORS);
        this.log = context.logger();
        this.errorLog = SlotErrorLog.of(run.layout().errors(), context.stageName(), context.workerIndex());
    }

    /** Which input document the following records come from. */
    void at(int inputQueue, long docSeq) {
        this.inputQueue = inputQueue;
        this.docSeq = docSeq;
    }

    /** A source's input it could not read (the error says file:line); {@code index} is its place in document {@code doc}. */
    void onSourceError(long doc, int index, dev.sluice.api.MalformedRecordException error) throws Exception {
        if (policy == ErrorPolicy.FAIL) {
            throw new RecordFailedException(context.stageName(), error);
        }
        at(-1, doc);
        onError(index, error.input(), error);
    }

    @Override
    public void onError(int index, byte[] record, Exception error) throws Exception {
        boolean poison = error instanceof PoisonRecordException;
        if (error instanceof DocumentFullException || error instanceof BadInputException
                || DiskFullException.isDiskFull(error)) {
            throw error; // not the record's fault: the stage reports it with its position (bad input fails the run)
        }
        if (policy == ErrorPolicy.FAIL) {
            throw new RecordFailedException(context.stageName(), inputQueue, docSeq, index, error);
        }
        errorLog.record(error);
        long count = errors.incrementRelease() + 1;
        if (count <= LOGGED) {
            log.warn("record {} of input {} document {} {}: {}", index, inputQueue, docSeq,
                    policy == ErrorPolicy.DEAD_LETTER ? "dead-lettered" : "skipped", error.toString());
        }
        if (policy == ErrorPolicy.DEAD_LETTER) {
            if (dlq == null) {
                dlq = new DeadLetterQueue(run.layout().deadLetters(context.stageName() + "-" + context.workerIndex()),
                        run.config().queues(), run.diskBudget());
            }
            StringWriter stack = new StringWriter();
            error.printStackTrace(new PrintWriter(stack));
            dlq.append(new DeadLetter(context.stageName(), context.workerIndex(), inputQueue, docSeq, index,
                    poison ? context.stage().settings().poisonAfter() : 1, System.currentTimeMillis(), error.toString(),
                    stack.toString(), record));
        }
    }

    @Override
    public void close() {
        if (dlq != null) {
            dlq.close();
        }
    }
}
