package dev.sluice.examples.batch;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * 1..to, {@code per-read} numbers every {@code pause-ms}: a source slow enough to kill a job in the middle of.
 * With {@code gate} (a path) and {@code gate-at} (a number), it holds after {@code gate-at} until the gate file
 * exists, so that a test can kill its consumer mid-run however slowly that consumer's JVM started.
 */
public final class SlowRange implements Source<Long> {
    private long next = 1;
    private long to;
    private long pauseMs;
    private int perRead;
    private Path gate;
    private long gateAt = Long.MAX_VALUE;

    @Override
    public void open(StageContext context) {
        to = context.options().getLong("to");
        pauseMs = context.options().getLong("pause-ms", 5);
        perRead = (int) context.options().getLong("per-read", 1000);
        if (context.options().has("gate")) {
            gate = context.options().getPath("gate");
            gateAt = context.options().getLong("gate-at");
        }
    }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void seek(long position) { next = position; }

    public boolean read(Emitter<Long> out, int max) throws InterruptedException {
        Thread.sleep(pauseMs);
        boolean held = gate != null && !Files.exists(gate);
        for (int i = 0; i < Math.min(max, perRead) && next <= to && !(held && next > gateAt); i++) {
            out.emit(next++);
        }
        return next <= to;
    }

    public long position() { return next; }
}
