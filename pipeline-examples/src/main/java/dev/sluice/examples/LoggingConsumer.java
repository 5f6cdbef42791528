package dev.sluice.examples;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.ResultFiles;
import dev.sluice.api.StageContext;
import java.nio.file.Path;
import org.slf4j.Logger;

/** The consumer of the producer-consumer example: logs each item. Option: {@code output} (optional) gets the count. */
public final class LoggingConsumer implements Aggregate<String> {
    private Logger log;
    private Path output;
    private long consumed;

    @Override
    public void open(StageContext context) {
        log = context.logger();
        output = context.options().has("output") ? context.options().getPath("output") : null;
    }

    @Override
    public Codec<String> inputCodec() {
        return Codecs.STRING;
    }

    @Override
    public void accept(String item) {
        log.info("consumed {}", item);
        consumed++;
    }

    /** Keeps no snapshot: after a crash it consumes (and logs) every item again, from the first. */
    @Override
    public boolean snapshots() {
        return false;
    }

    @Override
    public Object finish() throws Exception {
        if (output != null) {
            ResultFiles.writeLine(output, consumed);
        }
        return consumed;
    }
}
