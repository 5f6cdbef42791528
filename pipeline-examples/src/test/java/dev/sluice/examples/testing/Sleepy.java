package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Passes numbers on, and hangs as told: forever on the record {@code sleep-on}, once in {@code flush}
 * ({@code hang-in-flush-once}, remembered by a file in the run directory), or {@code pause-ms} on every
 * record, so that a test can stop it mid-record.
 */
public final class Sleepy implements Processor<Long, Long> {
    private long sleepOn;
    private long pauseMs;
    private Path hungOnce;

    @Override
    public void open(StageContext context) {
        sleepOn = context.options().getLong("sleep-on", -1);
        pauseMs = context.options().getLong("pause-ms", 0);
        hungOnce = context.options().getBoolean("hang-in-flush-once", false)
                ? context.runDirectory().resolve("hung-in-flush-once") : null;
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long record, Emitter<Long> out) throws InterruptedException {
        if (record == sleepOn) {
            sleepForever();
        }
        if (pauseMs > 0) {
            Thread.sleep(pauseMs);
        }
        out.emit(record);
    }

    public void flush(Emitter<Long> out) throws Exception {
        if (hungOnce != null) {
            try {
                Files.createFile(hungOnce);
            } catch (FileAlreadyExistsException e) {
                return; // this slot hung here before
            }
            sleepForever();
        }
    }

    private static void sleepForever() throws InterruptedException {
        while (true) {
            Thread.sleep(60_000);
        }
    }
}
