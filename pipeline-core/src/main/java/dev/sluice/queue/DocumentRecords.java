package dev.sluice.queue;

import dev.sluice.api.ByteView;
import dev.sluice.api.RecordBatch;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The records of an open document, read where they lie in the mapped queue file: each record is a
 * {@link ByteView} over its bytes, valid while the document is open and until the next record.
 */
public final class DocumentRecords implements RecordBatch {
    private final UnsafeBuffer mapped = new UnsafeBuffer(new byte[0]);
    private final ByteView document = new ByteView();
    private final ByteView record = new ByteView();
    private int size;
    private int index;
    private int position;

    /** Points at {@code size} length-prefixed records starting at {@code document[offset]}. */
    void wrap(long address, int length, int size) {
        mapped.wrap(address, length);
        document.wrap(mapped, 0, length);
        start(size);
    }

    /** As {@link #wrap(long, int, int)}, over a copy of a document that did not lie in one mapped block. */
    void wrap(byte[] copy, int length, int size) {
        document.wrap(copy, 0, length);
        start(size);
    }

    private void start(int size) {
        this.size = size;
        this.index = -1;
        this.position = 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean next() {
        if (index + 1 >= size) {
            index = size;
            return false;
        }
        int length = document.intAt(position);
        record.wrap(document, position + Integer.BYTES, length);
        position += Integer.BYTES + length;
        index++;
        return true;
    }

    @Override
    public ByteView record() {
        return record;
    }

    /** Index within the document of the current record: -1 before the first, {@link #size()} after the last. */
    public int index() {
        return index;
    }

    /** Whether {@link #next()} has passed the last record. */
    public boolean exhausted() {
        return index >= size;
    }
}
