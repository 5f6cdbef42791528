package dev.sluice.flink.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Source;
import dev.sluice.api.StageContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * 1 to {@code to}, but it stops before {@code gate-at} until the file {@code gate} exists, so a run is
 * certainly still going when a test acts on it. Every {@code seek} is appended to the file {@code seeks}.
 */
public final class GatedRange implements Source<Long> {
    private long next = 1;
    private long to;
    private long gateAt;
    private Path gate;
    private Path seeks;

    @Override
    public void open(StageContext context) {
        to = context.options().getLong("to");
        gateAt = context.options().getLong("gate-at");
        gate = context.options().getPath("gate");
        seeks = context.options().getPath("seeks");
    }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    @Override
    public void seek(long position) throws IOException {
        next = position;
        Files.writeString(seeks, position + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public boolean read(Emitter<Long> out, int max) {
        if (next == gateAt && !Files.exists(gate)) {
            LockSupport.parkNanos(1_000_000); // waiting for the gate, as a source waits for input
            return true;
        }
        for (int i = 0; i < max && next <= to && (next != gateAt || Files.exists(gate)); i++) {
            out.emit(next++);
        }
        return next <= to;
    }

    @Override
    public long position() {
        return next;
    }
}
