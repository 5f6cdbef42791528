package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;
import dev.sluice.stages.CsvSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built-in {@code csv} source, pausing {@code pause-ms} per batch and, given a {@code gate} file,
 * not ending before that file exists: a run stays live while a test kills its processes.
 */
public final class SlowCsv implements Source<Object> {
    private final CsvSource csv = new CsvSource();
    private long pauseMs;
    private Path gate;

    @Override
    public void open(StageContext context) throws Exception {
        csv.open(context);
        pauseMs = context.options().getLong("pause-ms", 1);
        gate = context.options().has("gate") ? context.options().getPath("gate") : null;
    }

    public Codec<Object> outputCodec() { return csv.outputCodec(); }

    public void seek(long position) throws Exception { csv.seek(position); }

    public boolean read(Emitter<Object> out, int max) throws Exception {
        Thread.sleep(pauseMs);
        return csv.read(out, max) || (gate != null && !Files.exists(gate));
    }

    public long position() { return csv.position(); }

    @Override
    public void close() throws Exception { csv.close(); }
}
