package dev.sluice.queue;

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
 */
public final class DocumentWriter implements AutoCloseable {
    private static final EpochNanoClock CLOCK = new SystemEpochNanoClock();

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final DocumentHeader endHeader = new DocumentHeader();
    private final DocumentHeader last;
    private long nextDocSeq;
    private long recordsWritten;

    public DocumentWriter(SingleChronicleQueue queue) {
        this.queue = queue;
        this.last = lastDocument(queue);
        this.nextDocSeq = last == null ? 0 : last.docSeq + 1;
        this.recordsWritten = last == null ? 0 : last.recordsBefore + last.recordCount;
        this.appender = queue.createAppender();
    }

    /** The header of the last document already in the queue (a previous process's), or null. */
    public DocumentHeader last() {
        return last;
    }

    private static DocumentHeader lastDocument(SingleChronicleQueue queue) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return null;
                }
                DocumentHeader header = new DocumentHeader();
                header.readFrom(dc.wire().bytes());
                return header;
            }
        }
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
        long length;
        try (DocumentContext dc = appender.writingDocument()) {
            var out = dc.wire().bytes();
            batch.header.writeTo(out);
            var records = batch.records();
            out.write(records, records.readPosition(), records.readRemaining());
            length = DocumentHeader.LENGTH + records.readRemaining();
        }
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
        try (DocumentContext dc = appender.writingDocument()) {
            endHeader.writeTo(dc.wire().bytes());
        }
        nextDocSeq++;
    }

    @Override
    public void close() {
        appender.close();
        queue.close();
    }
}
