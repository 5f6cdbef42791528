package dev.sluice.queue;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The single writer of one queue. Each append is one Chronicle document holding a header and a
 * whole batch, so a crash never leaves half a batch and the last document says how far we got: a
 * restarted writer reads it ({@link #last()}) to continue the numbering and to know where to resume.
 */
public final class DocumentWriter implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final DocumentHeader endHeader = new DocumentHeader();
    private final DocumentHeader last;
    private final int partitions;
    private long nextDocSeq;

    public DocumentWriter(SingleChronicleQueue queue) {
        this(queue, 1);
    }

    /** @param partitions how many partitions the queue's reader has: its batches keep one section per partition */
    public DocumentWriter(SingleChronicleQueue queue, int partitions) {
        this.queue = queue;
        this.partitions = partitions;
        this.last = lastDocument(queue);
        this.nextDocSeq = last == null ? 0 : last.docSeq + 1;
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
        long length;
        try (DocumentContext dc = appender.writingDocument()) {
            var out = dc.wire().bytes();
            long start = out.writePosition();
            batch.header.writeTo(out);
            batch.writeRecordsTo(out);
            length = out.writePosition() - start;
        }
        nextDocSeq++;
        batch.finished();
        return length;
    }

    /** Appends the END sentinel: nothing follows it. */
    public void appendEnd() {
        endHeader.kind = DocumentKind.END;
        endHeader.docSeq = nextDocSeq;
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
