package dev.sluice.metrics;

import dev.sluice.api.SizedSource;
import dev.sluice.counters.LatencyKind;
import dev.sluice.counters.SlotCounters;
import dev.sluice.counters.SlotField;
import dev.sluice.queue.DocumentHeader;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * What a stage's agent reports per document: the latency histograms (processing time, queue wait, and at
 * an aggregate end-to-end latency; off with {@code metrics: {histograms: false}}), the bytes it took in,
 * how far it has consumed each input queue, and for a {@link SizedSource} how much of its input it has read.
 * Called on the slot's own thread only.
 */
public final class DocumentMetrics {
    private static final EpochNanoClock EPOCH = new SystemEpochNanoClock();

    private final SingleWriterRecorder processing;
    private final SingleWriterRecorder queueWait;
    private final SingleWriterRecorder endToEnd;
    private final AtomicCounter bytesIn;
    private final List<ConsumedInput> inputs;
    private final AtomicCounter sourceRead;
    private final AtomicCounter sourceTotal;
    private SizedSource sized;
    private long takenNanos;

    /** The counters that say how far the stage has consumed one input queue. */
    public record ConsumedInput(AtomicCounter docs, AtomicCounter records) {
    }

    /** @param recorders by kind; a kind not there is not measured */
    DocumentMetrics(Map<LatencyKind, SingleWriterRecorder> recorders, SlotCounters counters, List<ConsumedInput> inputs) {
        this.processing = recorders.get(LatencyKind.PROCESSING);
        this.queueWait = recorders.get(LatencyKind.QUEUE_WAIT);
        this.endToEnd = recorders.get(LatencyKind.END_TO_END);
        this.bytesIn = counters.get(SlotField.BYTES_IN);
        this.inputs = inputs;
        this.sourceRead = counters.get(SlotField.SOURCE_DONE);
        this.sourceTotal = counters.get(SlotField.SOURCE_SIZE);
    }

    /** The source's input, if it knows its size: its progress is then published after every read. */
    public void sizedBy(Object source) {
        sized = source instanceof SizedSource s ? s : null;
    }

    /** The stage takes an input document: its wait in the queue ends, its processing begins. */
    public void taken(DocumentHeader header) {
        takenNanos = System.nanoTime();
        if (queueWait != null) {
            record(queueWait, EPOCH.nanoTime() - header.appendEpochNanos);
        }
    }

    /** The stage is done with the document it took from its input queue {@code inputQueue}. */
    public void processed(int inputQueue, DocumentHeader header, long documentBytes) {
        record(processing, System.nanoTime() - takenNanos);
        if (endToEnd != null) {
            record(endToEnd, EPOCH.nanoTime() - header.originEpochNanos);
        }
        bytesIn.getAndAddRelease(documentBytes);
        ConsumedInput input = inputs.get(inputQueue);
        input.docs().proposeMaxRelease(header.docSeq + 1);
        input.records().proposeMaxRelease(header.recordsBefore + header.recordCount);
    }

    /** A source read a batch, which it began at {@code startedNanos} ({@link System#nanoTime}) and appended if {@code appended}. */
    public void read(long startedNanos, boolean appended) {
        if (appended) {
            record(processing, System.nanoTime() - startedNanos);
        }
        if (sized != null) {
            long total = sized.size();
            if (total > 0) {
                sourceTotal.setRelease(total);
                sourceRead.setRelease(Math.min(total, sized.done()));
            }
        }
    }

    private static void record(SingleWriterRecorder recorder, long nanos) {
        if (recorder != null) {
            recorder.recordValue(Math.max(0, nanos));
        }
    }
}
