package dev.sluice.queue;

import net.openhft.chronicle.bytes.Bytes;

/**
 * The fixed header in front of every document's records: a mutable flyweight, reused.
 *
 * <p>Every writer numbers its documents densely ({@code docSeq} 0, 1, 2...), because Chronicle's own
 * indexes are not dense across roll cycles. {@code input*} says which input documents this one
 * answers to; {@code origin*} which source documents it descends from (what an ordered merge sorts
 * by); {@code sourcePosition} is where a source resumes after this document. {@code recordsBefore} numbers
 * records densely as {@code docSeq} numbers documents (how many the queue held before this document), and
 * {@code appendEpochNanos} says when the document was appended: what backlogs and queue waits are measured by.
 * The header starts with a check word ({@link DocumentCheck}) that tells a torn document from a whole one.
 */
public final class DocumentHeader {
    public static final int LENGTH = 8 + 1 + 8 + 4 + 8 + 4 + 8 + 4 + 8 + 8 + 4 + 8 + 8;

    public DocumentKind kind = DocumentKind.DATA;
    public long docSeq;
    public int inputQueue = -1;
    public long inputFrom;
    public int inputCount;
    public long originFrom;
    public int originCount;
    public long originEpochNanos;
    public long sourcePosition;
    public int recordCount;
    public long recordsBefore;
    public long appendEpochNanos;

    /** Writes the header with a zero check word; {@link DocumentCheck#seal} fills it in once the records follow. */
    void writeTo(Bytes<?> out) {
        out.writeLong(0);
        out.writeByte(kind.code());
        out.writeLong(docSeq);
        out.writeInt(inputQueue);
        out.writeLong(inputFrom);
        out.writeInt(inputCount);
        out.writeLong(originFrom);
        out.writeInt(originCount);
        out.writeLong(originEpochNanos);
        out.writeLong(sourcePosition);
        out.writeInt(recordCount);
        out.writeLong(recordsBefore);
        out.writeLong(appendEpochNanos);
    }

    void readFrom(Bytes<?> in) {
        in.readSkip(Long.BYTES);
        kind = DocumentKind.of(in.readByte());
        docSeq = in.readLong();
        inputQueue = in.readInt();
        inputFrom = in.readLong();
        inputCount = in.readInt();
        originFrom = in.readLong();
        originCount = in.readInt();
        originEpochNanos = in.readLong();
        sourcePosition = in.readLong();
        recordCount = in.readInt();
        recordsBefore = in.readLong();
        appendEpochNanos = in.readLong();
    }

    /** Whether the document whose header starts at {@code at} carries records, read in place (false if torn). */
    static boolean hasRecordsAt(Bytes<?> in, long at) {
        byte code = in.readByte(at + Long.BYTES);
        return code == DocumentKind.DATA.code() || code == DocumentKind.SECTIONS.code();
    }

    /** The number of the document whose header starts at {@code at}, read in place. */
    static long docSeqAt(Bytes<?> in, long at) {
        return in.readLong(at + Long.BYTES + 1);
    }

    public long originEnd() {
        return originFrom + originCount;
    }

    @Override
    public String toString() {
        return kind + " doc " + docSeq + " input " + inputQueue + "[" + inputFrom + "+" + inputCount + ") origin ["
                + originFrom + "+" + originCount + ") records " + recordCount;
    }
}
