package dev.sluice.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * The single writer of one queue. Each append is one Chronicle document holding a header and a
 * whole batch, so a crash never leaves half a batch and the last document says how far we got: a
 * restarted writer reads it ({@link #last()}) to continue the numbering and to know where to resume.
 *
 * <p>Before each append the pages it will touch are reserved on disk ({@link QueueSpace}), so a full
 * disk stops the writer with {@link DiskFullException} instead of a SIGBUS. A document torn anyway (by a
 * fault before this guard existed, or pages lost when the machine crashed) fails its check: a restarted
 * writer continues after the last whole document, and the torn ones after it are {@link #abandoned()}
 * (readers skip a torn document once a later one follows it).
 */
public final class DocumentWriter implements AutoCloseable {
    private static final EpochNanoClock CLOCK = new SystemEpochNanoClock();

    private final SingleChronicleQueue queue;
    private final QueueSpace space;
    private final ExcerptAppender appender;
    private final DocumentHeader endHeader = new DocumentHeader();
    private final DocumentHeader last;
    private final List<DocumentHeader> abandoned = new ArrayList<>();
    private final int partitions;
    private boolean abandonedUnknown;
    private long nextDocSeq;
    private long recordsWritten;

    public DocumentWriter(SingleChronicleQueue queue) {
        this(queue, DiskBudget.NO_FLOOR, 1);
    }

    public DocumentWriter(SingleChronicleQueue queue, int partitions) {
        this(queue, DiskBudget.NO_FLOOR, partitions);
    }

    /** @param partitions how many partitions the queue's reader has: its batches keep one section per partition */
    public DocumentWriter(SingleChronicleQueue queue, DiskBudget budget, int partitions) {
        this.queue = queue;
        this.partitions = partitions;
        DeadWriterLock.releaseIfHolderDied(queue);
        UnfinishedCycles.remove(queue);
        this.space = new QueueSpace(queue, budget);
        this.last = readTail(queue);
        this.nextDocSeq = last == null ? 0 : last.docSeq + 1;
        this.recordsWritten = last == null ? 0 : last.recordsBefore + last.recordCount;
        this.appender = queue.createAppender();
    }

    /** The header of the last whole document already in the queue (a previous process's), or null. */
    public DocumentHeader last() {
        return last;
    }

    /**
     * Torn documents after {@link #last()}, oldest first: readers skip them once this writer appends, so
     * whatever they answered to must be produced again.
     */
    public List<DocumentHeader> abandoned() {
        return Collections.unmodifiableList(abandoned);
    }

    /** Whether a torn document's header is torn too, so what it answered to is unknown. */
    public boolean abandonedUnknown() {
        return abandonedUnknown;
    }

    private DocumentHeader readTail(SingleChronicleQueue chronicle) {
        try (ExcerptTailer tailer = chronicle.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return null;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    long start = bytes.readPosition();
                    long end = bytes.readLimit();
                    DocumentHeader header = new DocumentHeader();
                    if (DocumentCheck.intact(bytes, start, end)) {
                        header.readFrom(bytes);
                        return header;
                    }
                    if (DocumentCheck.headerIntact(bytes, start, end)) {
                        header.readFrom(bytes);
                        abandoned.add(0, header);
                    } else {
                        abandonedUnknown = true;
                    }
                }
            }
        }
    }

    /** How many sections the batches appended here must have (1: unsectioned). */
    public int partitions() {
        return partitions;
    }

    /** Dense sequence number the next document will carry. */
    public long nextDocSeq() {
        return nextDocSeq;
    }

    /** Appends the batch as one DATA document and closes the batch; returns bytes written. */
    public long append(OutputBatch<?> batch) {
        batch.header.docSeq = nextDocSeq;
        batch.header.recordsBefore = recordsWritten;
        batch.header.appendEpochNanos = CLOCK.nanoTime();
        long length = DocumentHeader.LENGTH + batch.bytes();
        write(batch.header, batch);
        nextDocSeq++;
        recordsWritten += batch.header.recordCount;
        batch.finished();
        return length;
    }

    /** Appends the END sentinel: nothing follows it. */
    public void appendEnd() {
        endHeader.kind = DocumentKind.END;
        endHeader.docSeq = nextDocSeq;
        endHeader.recordsBefore = recordsWritten;
        endHeader.appendEpochNanos = CLOCK.nanoTime();
        write(endHeader, null);
        nextDocSeq++;
    }

    private void write(DocumentHeader header, OutputBatch<?> records) {
        space.reserve(DocumentHeader.LENGTH + (records == null ? 0 : records.bytes()));
        long end;
        try (DocumentContext dc = appender.writingDocument()) {
            try {
                Bytes<?> out = dc.wire().bytes();
                long start = out.writePosition();
                header.writeTo(out);
                if (records != null) {
                    records.writeRecordsTo(out);
                }
                end = out.writePosition();
                DocumentCheck.seal(out, start, end);
            } catch (Throwable t) {
                dc.rollbackOnClose(); // closing would otherwise publish what was written so far
                throw t;
            }
        }
        space.appended(end);
    }

    @Override
    public void close() {
        appender.close();
        space.close();
        queue.close();
    }
}
