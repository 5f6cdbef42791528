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
    private final boolean[] ended;
    private int endedCount;
    private int next;

    UnorderedMerge(List<DocumentReader> readers) {
        this.readers = readers;
        this.ended = new boolean[readers.size()];
    }

    @Override
    public DocumentReader next() {
        int n = readers.size();
        for (int i = 0; i < n; i++) {
            int q = (next + i) % n;
            DocumentReader reader = readers.get(q);
            if (!ended[q] && reader.next()) {
                if (reader.header.kind == DocumentKind.END) {
                    reader.done();
                    ended[q] = true;
                    endedCount++;
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
        return endedCount == readers.size();
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        for (boolean e : ended) {
            out.writeBoolean(e);
        }
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        endedCount = 0;
        for (int q = 0; q < ended.length; q++) {
            ended[q] = in.readBoolean();
            endedCount += ended[q] ? 1 : 0;
        }
    }
}
