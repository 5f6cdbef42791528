package dev.sluice.runtime;

import dev.sluice.queue.DocumentKind;
import dev.sluice.queue.DocumentReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Merges worker queues back into source order (Python's {@code Pool.map} order). Every document
 * covers a contiguous range of source documents and every source document is covered exactly once,
 * so the next document is the one whose origin starts where the last one ended. Each worker claims
 * in increasing order, so that document is always at the head of its queue once it is written.
 */
final class OrderedMerge implements InputMerge {
    private final List<DocumentReader> readers;
    private final InputEnds ends;
    private long nextOrigin;

    OrderedMerge(List<DocumentReader> readers) {
        this.readers = readers;
        this.ends = new InputEnds(readers.size());
    }

    @Override
    public DocumentReader next() {
        for (int q = 0; q < readers.size(); q++) {
            DocumentReader reader = readers.get(q);
            if (ends.ended(q) || !reader.next()) {
                continue;
            }
            if (reader.header.kind == DocumentKind.END) {
                reader.done();
                ends.end(q);
            } else if (reader.header.originFrom == nextOrigin) {
                nextOrigin = reader.header.originEnd();
                return reader;
            } else {
                reader.putBack();
            }
        }
        return null;
    }

    @Override
    public boolean allEnded() {
        return ends.all();
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        ends.save(out);
        out.writeLong(nextOrigin);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        ends.load(in);
        nextOrigin = in.readLong();
    }
}
