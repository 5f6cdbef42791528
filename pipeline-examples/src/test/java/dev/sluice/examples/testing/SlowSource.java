package dev.sluice.examples.testing;

import dev.sluice.api.BatchSource;
import dev.sluice.api.RecordWriter;
import dev.sluice.api.StageContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A built-in source ({@code source}: its class, default {@code lines}), pausing {@code pause-ms} per read,
 * and, given a {@code gate} file, not ending before that file exists: keeps a run going for as long as a
 * test needs to kill things in it.
 */
public final class SlowSource implements BatchSource {
    private BatchSource source;
    private long pauseMs;
    private Path gate;

    @Override
    public void open(StageContext context) throws Exception {
        String type = context.options().getString("source", "dev.sluice.stages.LinesSource");
        source = (BatchSource) Class.forName(type).getDeclaredConstructor().newInstance();
        source.open(context);
        pauseMs = context.options().getLong("pause-ms", 1);
        gate = context.options().has("gate") ? context.options().getPath("gate") : null;
    }

    public void seek(long position) throws Exception { source.seek(position); }

    public boolean read(RecordWriter out, int max) throws Exception {
        Thread.sleep(pauseMs);
        return source.read(out, max) || (gate != null && !Files.exists(gate));
    }

    public long position() { return source.position(); }

    @Override
    public void close() throws Exception { source.close(); }
}
