package dev.sluice.queue;

import dev.sluice.api.Codec;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerState;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.LoggerFactory;

/**
 * Reads one queue document by document: {@link #next} opens the next document and reads its header;
 * the caller then reads its {@link #records}, and either consumes it ({@link #done}) or leaves it for
 * later ({@link #putBack}, what an ordered merge does with a document that is not its turn yet).
 * Records are decoded straight from the mapped file while the document is open.
 */
public final class DocumentReader implements AutoCloseable {
    /** What to do with each record of a document. */
    public interface RecordHandler<T> {
        void onRecord(T record) throws Exception;
    }

    /** What to do when decoding or handling a record throws; rethrow to fail. */
    public interface RecordErrorHandler {
        void onError(int index, byte[] record, Exception error) throws Exception;
    }

    private static final RecordErrorHandler RETHROW = (index, record, error) -> {
        throw error;
    };

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final BytesRecordInput input = new BytesRecordInput();
    public final DocumentHeader header = new DocumentHeader();
    private DocumentContext open;
    private long nextDocSeq;
    private long checkedIndex = Long.MIN_VALUE;
    private long consumedIndex = Long.MIN_VALUE;
    private int recordIndex;
    private long documentLength;

    public DocumentReader(SingleChronicleQueue queue) {
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    /**
     * Opens the next document and reads its header into {@link #header}; false if there is none yet. A torn
     * document ({@link DocumentCheck}) is never handed out: it is skipped once a later document follows it
     * (its writer was restarted and wrote what it answered to again), and waited on until then.
     */
    public boolean next() {
        if (open != null) {
            throw new IllegalStateException("previous document still open");
        }
        while (true) {
            DocumentContext dc = tailer.readingDocument();
            if (!dc.isPresent()) {
                dc.close();
                unwedge();
                return false;
            }
            Bytes<?> bytes = dc.wire().bytes();
            long index = dc.index();
            if (index == checkedIndex || DocumentCheck.intact(bytes, bytes.readPosition(), bytes.readLimit())) {
                checkedIndex = index; // an ordered merge puts documents back and reads them again: check once
                documentLength = bytes.readRemaining();
                header.readFrom(bytes);
                open = dc;
                return true;
            }
            dc.close();
            if (!laterDocumentExists()) {
                tailer.moveToIndex(index);
                return false;
            }
            LoggerFactory.getLogger(DocumentReader.class).warn("skipped a torn document of {} (index {}): its writer "
                    + "wrote what it answered to again after it", queue.file(), Long.toHexString(index));
        }
    }

    /**
     * A tailer that first looked at a cycle file whose writer died creating it is left "found in a cycle"
     * with no cycle at all, and never reads again, even once the file is made afresh (Chronicle 5.27).
     * Such a tailer is moved back to where this reader is.
     */
    private void unwedge() {
        if (tailer.state() != TailerState.FOUND_IN_CYCLE || tailer.cycle() != Integer.MIN_VALUE) {
            return;
        }
        if (consumedIndex == Long.MIN_VALUE) {
            tailer.toStart();
        } else if (tailer.moveToIndex(consumedIndex)) {
            tailer.readingDocument().close(); // the last document consumed: skip it
        }
    }

    private boolean laterDocumentExists() {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            dc.rollbackOnClose();
            return true;
        }
    }

    /** Decodes every record of the open document into {@code handler}. */
    public <T> void records(Codec<T> codec, RecordHandler<? super T> handler) throws Exception {
        records(codec, handler, RETHROW);
    }

    /**
     * Decodes the records of the open document into {@code handler}; a record whose decoding or
     * handling throws goes to {@code onError} with its bytes. {@link #recordIndex()} says which record
     * of the document is being handled.
     */
    public <T> void records(Codec<T> codec, RecordHandler<? super T> handler, RecordErrorHandler onError)
            throws Exception {
        Bytes<?> bytes = open.wire().bytes();
        input.wrap(bytes);
        long documentLimit = bytes.readLimit();
        for (int i = 0; i < header.recordCount; i++) {
            int length = bytes.readInt();
            long start = bytes.readPosition();
            long end = start + length;
            recordIndex = i;
            try {
                bytes.readLimit(end);
                T record = codec.decode(input);
                bytes.readLimit(documentLimit);
                bytes.readPosition(end);
                handler.onRecord(record);
            } catch (Exception e) {
                byte[] raw = new byte[length];
                bytes.readLimit(documentLimit);
                bytes.readPosition(start);
                bytes.read(raw);
                bytes.readPosition(end);
                onError.onError(i, raw, e);
            }
        }
    }

    /** Consumes the open document. */
    public void done() {
        nextDocSeq = header.docSeq + 1;
        consumedIndex = open.index();
        close(open);
    }

    /** Closes the open document without consuming it: {@link #next} returns it again. */
    public void putBack() {
        open.rollbackOnClose();
        close(open);
    }

    private void close(DocumentContext dc) {
        open = null;
        dc.close();
    }

    /** Bytes of the open (or last) document, its header included. */
    public long documentLength() {
        return documentLength;
    }

    /** Index within the open document of the record being handled. */
    public int recordIndex() {
        return recordIndex;
    }

    /** The dense sequence number of the next document to consume: a resumable position. */
    public long position() {
        return nextDocSeq;
    }

    /**
     * Moves to {@code docSeq} (a {@link #position()}) by skipping the documents before it; returns false
     * if the queue does not (yet) hold that many.
     */
    public boolean skipTo(long docSeq) {
        while (nextDocSeq < docSeq) {
            if (!next()) {
                return false;
            }
            done();
        }
        return true;
    }

    @Override
    public void close() {
        if (open != null) {
            putBack();
        }
        tailer.close();
        queue.close();
    }
}
