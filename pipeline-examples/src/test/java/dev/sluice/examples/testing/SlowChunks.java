package dev.sluice.examples.testing;

import dev.sluice.api.BatchSource;
import dev.sluice.api.RecordWriter;
import dev.sluice.api.StageContext;
import dev.sluice.stages.FileChunksSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built-in {@code file-chunks} source, pausing {@code pause-ms} per chunk, and, given a {@code gate}
 * file, not ending before that file exists: keeps a run going while a test kills things in it.
 */
public final class SlowChunks implements BatchSource {
    private final FileChunksSource chunks = new FileChunksSource();
    private long pauseMs;
    private Path gate;

    @Override
    public void open(StageContext context) throws Exception {
        chunks.open(context);
        pauseMs = context.options().getLong("pause-ms", 1);
        gate = context.options().has("gate") ? context.options().getPath("gate") : null;
    }

    public void seek(long position) { chunks.seek(position); }

    public boolean read(RecordWriter out, int max) throws Exception {
        Thread.sleep(pauseMs);
        return chunks.read(out, max) || (gate != null && !Files.exists(gate));
    }

    public long position() { return chunks.position(); }
}
