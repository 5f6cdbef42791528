package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Emits {@code count} numbers, then stays open until the file {@code gate} exists: keeps a run live
 * for exactly as long as a test needs it.
 */
public final class GatedSource implements Source<Long> {
    private long count;
    private Path gate;
    private long next;

    @Override
    public void open(StageContext context) {
        count = context.options().getLong("count");
        gate = context.options().getPath("gate");
    }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public boolean read(Emitter<Long> out, int max) {
        for (int i = 0; i < max && next < count; i++) {
            out.emit(next++);
        }
        return next < count || !Files.exists(gate);
    }

    public long position() { return next; }
}
