package dev.sluice.runtime;

import dev.sluice.queue.DocumentKind;
import dev.sluice.queue.DocumentReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/** Takes whatever is ready, round robin over the inputs (Python's {@code imap_unordered}). */
final class UnorderedMerge implements InputMerge {
    private final List<DocumentReader> readers;
    private final InputEnds ends;
    private int next;

    UnorderedMerge(List<DocumentReader> readers) {
        this.readers = readers;
        this.ends = new InputEnds(readers.size());
    }

    @Override
    public DocumentReader next() {
        int n = readers.size();
        for (int i = 0; i < n; i++) {
            int q = (next + i) % n;
            DocumentReader reader = readers.get(q);
            if (!ends.ended(q) && reader.next()) {
                if (reader.header.kind == DocumentKind.END) {
                    reader.done();
                    ends.end(q);
                    continue;
                }
                next = (q + 1) % n;
                return reader;
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
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        ends.load(in);
    }
}
