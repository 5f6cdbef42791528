package dev.sluice.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Which of a reader's input queues have reached their END; saved with an aggregate's snapshot. */
final class InputEnds {
    private final boolean[] ended;
    private int count;

    InputEnds(int inputs) {
        this.ended = new boolean[inputs];
    }

    boolean ended(int queue) {
        return ended[queue];
    }

    void end(int queue) {
        if (!ended[queue]) {
            ended[queue] = true;
            count++;
        }
    }

    boolean all() {
        return count == ended.length;
    }

    void save(DataOutputStream out) throws IOException {
        for (boolean e : ended) {
            out.writeBoolean(e);
        }
    }

    void load(DataInputStream in) throws IOException {
        count = 0;
        for (int q = 0; q < ended.length; q++) {
            ended[q] = in.readBoolean();
            count += ended[q] ? 1 : 0;
        }
    }
}
