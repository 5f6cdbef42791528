package dev.sluice.queue;

import dev.sluice.api.Codec;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerState;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.LoggerFactory;

/**
 * Reads one queue document by document: {@link #next} opens the next document and reads its header;
 * the caller then reads its {@link #records}, and either consumes it ({@link #done}) or leaves it for
 * later ({@link #putBack}, what an ordered merge does with a document that is not its turn yet).
 * Records are decoded straight from the mapped file while the document is open, or read there in place
 * as a {@link #batch()}. A reader of one partition sees only its section of sectioned documents.
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

    /** How far ahead {@link #skipBefore} seeks ({@link #seekBefore}) rather than skip document by document. */
    private static final int SEEK_OVER = 256;
    /** What a probe of {@link #seekBefore} finds. */
    private enum Probe { BEFORE, NOT_BEFORE, UNTRUSTED }

    /** The section a reader of every partition reads: all of them, in order. */
    public static final int ALL_SECTIONS = -1;

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final int section;
    private final BytesRecordInput input = new BytesRecordInput();
    private final DocumentRecords batch = new DocumentRecords();
    private byte[] copy = new byte[0];
    public final DocumentHeader header = new DocumentHeader();
    private DocumentContext open;
    private long nextDocSeq;
    private long checkedIndex = Long.MIN_VALUE;
    private long consumedIndex = Long.MIN_VALUE;
    private int recordIndex;
    private long recordsAt;
    private int recordsLength;
    private int recordCount;
    private long documentLength;

    public DocumentReader(SingleChronicleQueue queue) {
        this(queue, ALL_SECTIONS);
    }

    /** @param section the partition this reader reads, or {@link #ALL_SECTIONS} */
    public DocumentReader(SingleChronicleQueue queue, int section) {
        this.queue = queue;
        this.tailer = queue.createTailer();
        this.section = section;
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
                locateRecords(bytes);
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
        if (tailer.state() == TailerState.FOUND_IN_CYCLE && tailer.cycle() == Integer.MIN_VALUE) {
            restore();
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

    /** Finds this reader's records: all of them, or its section of a sectioned document. */
    private void locateRecords(Bytes<?> bytes) {
        recordsAt = bytes.readPosition();
        recordCount = header.recordCount;
        if (header.kind == DocumentKind.SECTIONS) {
            int sections = bytes.readInt(recordsAt);
            long table = recordsAt + Integer.BYTES;
            recordsAt = table + 2L * Integer.BYTES * sections;
            if (section != ALL_SECTIONS) {
                if (section >= sections) {
                    throw new IllegalStateException("document " + header.docSeq + " has " + sections
                            + " sections; this reader reads section " + section);
                }
                for (int s = 0; s < section; s++) {
                    recordsAt += bytes.readInt(table + 8L * s + Integer.BYTES);
                }
                recordCount = bytes.readInt(table + 8L * section);
                recordsLength = bytes.readInt(table + 8L * section + Integer.BYTES);
                return;
            }
        } else if (section != ALL_SECTIONS && header.kind == DocumentKind.DATA) {
            throw new IllegalStateException("document " + header.docSeq + " is not partitioned; this reader reads section "
                    + section);
        }
        recordsLength = (int) (bytes.readLimit() - recordsAt);
    }

    /** How many records of the open document this reader sees (all, or its section's). */
    public int recordCount() {
        return recordCount;
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
        bytes.readPosition(recordsAt);
        for (int i = 0; i < recordCount; i++) {
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

    /**
     * This reader's records of the open document, read in place: zero-copy views into the mapped
     * file, valid until the document is {@link #done()} or put back.
     */
    public DocumentRecords batch() {
        Bytes<?> bytes = open.wire().bytes();
        long address = bytes.addressForRead(recordsAt, recordsLength);
        if (bytes.bytesStore().inside(recordsAt, recordsLength)) {
            batch.wrap(address, recordsLength, recordCount);
        } else { // not in one mapped block (Chronicle keeps documents within one, but do not rely on it)
            if (copy.length < recordsLength) {
                copy = new byte[recordsLength];
            }
            bytes.read(recordsAt, copy, 0, recordsLength);
            batch.wrap(copy, recordsLength, recordCount);
        }
        return batch;
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
        skipBefore(docSeq);
        while (nextDocSeq < docSeq) {
            if (!next()) {
                return false;
            }
            done();
        }
        return true;
    }

    /**
     * Moves past the documents numbered before {@code docSeq} reading no more than their kind and number: a document
     * skipped needs no torn-document check, which reads all its records (a restarted worker, or one whose siblings
     * claimed the documents between its claims, skipped that way through everything before its claim). It stops at
     * the first document numbered {@code docSeq} or later, at an END, at one too short to hold a header, or at the
     * end of what the queue holds; {@link #next} then reads on from there as before.
     */
    public void skipBefore(long docSeq) {
        if (open != null) {
            throw new IllegalStateException("previous document still open");
        }
        if (docSeq - nextDocSeq > SEEK_OVER) {
            seekBefore(docSeq);
        }
        while (nextDocSeq < docSeq) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return;
                }
                Bytes<?> bytes = dc.wire().bytes();
                long at = bytes.readPosition();
                if (bytes.readRemaining() < DocumentHeader.LENGTH || !DocumentHeader.hasRecordsAt(bytes, at)
                        || DocumentHeader.docSeqAt(bytes, at) >= docSeq) {
                    dc.rollbackOnClose();
                    return;
                }
                nextDocSeq = DocumentHeader.docSeqAt(bytes, at) + 1;
                consumedIndex = dc.index();
            }
        }
    }

    /**
     * Moves the tailer to the last document numbered before {@code docSeq} by a binary search of the queue's indexes
     * (documents are numbered in queue order; a torn one keeps the number its writer's replacement gives the next), so
     * that a restarted worker finds its claim in a long queue at once; {@link #skipBefore} reads on from there. A probe
     * that finds a header it cannot trust puts the tailer back where it was, to skip document by document as before.
     */
    private void seekBefore(long docSeq) {
        long from = consumedIndex == Long.MIN_VALUE ? queue.firstIndex() : consumedIndex;
        long last = queue.lastIndex();
        if (from == Long.MAX_VALUE || last <= from) {
            return; // empty, or nothing after what was consumed
        }
        RollCycle roll = queue.rollCycle();
        int firstCycle = roll.toCycle(from);
        int cycle = -1;
        for (long c : queue.listCyclesBetween(firstCycle, roll.toCycle(last)).descendingSet()) {
            Probe found = c == firstCycle ? probe(from, docSeq) : probe(roll.toIndex((int) c, 0), docSeq);
            if (found == Probe.UNTRUSTED) {
                restore();
                return;
            }
            if (found == Probe.BEFORE) {
                cycle = (int) c;
                break;
            }
        }
        if (cycle < 0) {
            restore(); // the very first document is not before docSeq: nothing to skip
            return;
        }
        long low = cycle == firstCycle ? roll.toSequenceNumber(from) : 0; // numbered before docSeq
        long high = cycle == roll.toCycle(last) ? roll.toSequenceNumber(last) : tailer.excerptsInCycle(cycle) - 1;
        while (low < high) {
            long middle = (low + high + 1) >>> 1;
            Probe found = probe(roll.toIndex(cycle, middle), docSeq);
            if (found == Probe.UNTRUSTED) {
                restore();
                return;
            }
            if (found == Probe.BEFORE) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        tailer.moveToIndex(roll.toIndex(cycle, low));
    }

    /** Whether the document at {@code index} is a data document numbered before {@code docSeq}, read in place. */
    private Probe probe(long index, long docSeq) {
        if (!tailer.moveToIndex(index)) {
            return Probe.NOT_BEFORE; // past the end
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return Probe.NOT_BEFORE;
            }
            dc.rollbackOnClose();
            Bytes<?> bytes = dc.wire().bytes();
            long at = bytes.readPosition();
            if (!DocumentCheck.headerIntact(bytes, at, bytes.readLimit())) {
                return Probe.UNTRUSTED;
            }
            return DocumentHeader.hasRecordsAt(bytes, at) && DocumentHeader.docSeqAt(bytes, at) < docSeq ? Probe.BEFORE
                    : Probe.NOT_BEFORE; // an END is never skipped
        }
    }

    /** Puts the tailer back after the last document consumed (at the start if none was). */
    private void restore() {
        if (consumedIndex == Long.MIN_VALUE) {
            tailer.toStart();
        } else if (tailer.moveToIndex(consumedIndex)) {
            tailer.readingDocument().close(); // the last document consumed: skip it
        }
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
