package dev.sluice.flink.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Passes numbers on; once the file {@code trigger} exists, the first worker to see it creates
 * {@code crashed} and crashes (an Error, as a process dies: not a record's failure), once per run.
 */
public final class CrashOnceTriggered implements Processor<Long, Long> {
    private Path trigger;
    private Path crashed;

    @Override
    public void open(StageContext context) {
        trigger = context.options().getPath("trigger");
        crashed = context.options().getPath("crashed");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long n, Emitter<Long> out) throws IOException {
        if (Files.exists(trigger) && !Files.exists(crashed)) {
            try {
                Files.createFile(crashed);
            } catch (java.nio.file.FileAlreadyExistsException anotherWorkerWon) {
                out.emit(n);
                return;
            }
            throw new AssertionError("crash on record " + n + " (test)");
        }
        out.emit(n);
    }
}
