package dev.sluice.examples.testing;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;

/** Passes lines on, but throws on a line longer than option {@code max-length}, quoting it whole in the error. */
public final class RefuseLong implements Processor<String, String> {
    private long maxLength;

    @Override
    public void open(StageContext context) {
        maxLength = context.options().getLong("max-length");
    }

    public Codec<String> inputCodec() { return Codecs.STRING; }

    public Codec<String> outputCodec() { return Codecs.STRING; }

    public void process(String line, Emitter<String> out) {
        if (line.length() > maxLength) {
            throw new IllegalArgumentException("refusing a line of " + line.length() + " characters: " + line);
        }
        out.emit(line);
    }
}
