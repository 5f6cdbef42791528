package dev.sluice.examples.testing;

import dev.sluice.api.BatchSource;
import dev.sluice.api.RecordWriter;
import dev.sluice.api.StageContext;
import dev.sluice.stages.LinesSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built-in {@code lines} source, pausing {@code pause-ms} per batch, and, given a {@code gate} file,
 * not ending before that file exists: keeps a run going for as long as a test needs to kill things in it.
 */
public final class SlowLines implements BatchSource {
    private final LinesSource lines = new LinesSource();
    private long pauseMs;
    private Path gate;

    @Override
    public void open(StageContext context) throws Exception {
        lines.open(context);
        pauseMs = context.options().getLong("pause-ms", 1);
        gate = context.options().has("gate") ? context.options().getPath("gate") : null;
    }

    public void seek(long position) throws Exception { lines.seek(position); }

    public boolean read(RecordWriter out, int max) throws Exception {
        Thread.sleep(pauseMs);
        return lines.read(out, max) || (gate != null && !Files.exists(gate));
    }

    public long position() { return lines.position(); }

    @Override
    public void close() throws Exception { lines.close(); }
}
