package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import dev.sluice.api.KeyCount;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;
import dev.sluice.examples.Tokenizer;

/** The example tokenizer, pausing {@code pause-ms} per batch. */
public final class SlowTokenizer implements Processor<String, KeyCount> {
    private final Tokenizer tokenizer = new Tokenizer();
    private long pauseMs;

    @Override
    public void open(StageContext context) {
        pauseMs = context.options().getLong("pause-ms", 1);
    }

    public Codec<String> inputCodec() { return tokenizer.inputCodec(); }

    public Codec<KeyCount> outputCodec() { return tokenizer.outputCodec(); }

    public void process(String line, Emitter<KeyCount> out) { tokenizer.process(line, out); }

    public void flush(Emitter<KeyCount> out) throws InterruptedException {
        Thread.sleep(pauseMs);
        tokenizer.flush(out);
    }
}
