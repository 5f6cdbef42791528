package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.SharedLong;
import dev.sluice.api.SharedSemaphore;
import dev.sluice.api.StageContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** Takes the shared lock {@code guard}, counts that in {@code acquired}, and holds it until the file {@code gate} exists. */
public final class LockThenWait implements Processor<Long, Long> {
    private SharedSemaphore guard;
    private SharedLong acquired;
    private Path gate;

    @Override
    public void open(StageContext context) {
        guard = context.shared().semaphore("guard");
        acquired = context.shared().counter("acquired");
        gate = context.options().getPath("gate");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long task, Emitter<Long> out) throws InterruptedException {
        try (SharedSemaphore.Permit held = guard.acquire()) {
            acquired.addAndGet(1);
            while (!Files.exists(gate)) {
                Thread.sleep(5); // holding the lock until the test says so
            }
        }
        out.emit(task);
    }
}
