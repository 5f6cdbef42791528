package dev.sluice.queue;

import dev.sluice.api.Codecs;
import java.nio.file.Path;

/** Test helper process: appends documents of 1..100 records to a queue until it is killed. */
public final class AppendForever {
    public static void main(String[] args) {
        try (DocumentWriter writer = new DocumentWriter(QueueFiles.open(Path.of(args[0])));
             OutputBatch<String> batch = new OutputBatch<>(Codecs.STRING)) {
            for (long doc = writer.nextDocSeq(); ; doc++) {
                batch.begin(0, doc, doc, 0);
                for (int i = 0; i <= doc % 100; i++) {
                    batch.emit("record " + doc + "/" + i + " " + "x".repeat((int) (doc % 300)));
                }
                writer.append(batch);
            }
        }
    }
}
