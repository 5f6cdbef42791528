package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.Options;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Built-in {@code lines-out}: writes each record's text as a line of part files, exactly once
 * ({@link PartFileSink}). Options: {@code path} (required: the output directory), {@code codec}
 * (string, long, double, key-count or a Codec class; default string), {@code part-records} (1000000),
 * {@code prefix} (part).
 */
public final class LinesOutSink extends PartFileSink<Object> {
    private Codec<Object> codec;

    @Override
    void configure(Options options) {
        codec = TextRecords.codec(options);
    }

    @Override
    public Codec<Object> inputCodec() {
        return codec;
    }

    @Override
    String extension() {
        return "txt";
    }

    @Override
    PartWriter<Object> openPart(OutputStream out, Object first, boolean fresh) {
        BufferedWriter text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return new PartWriter<>() {
            public void write(Object record) throws IOException {
                text.write(TextRecords.text(record));
                text.write('\n');
            }

            public void flush() throws IOException {
                text.flush();
            }
        };
    }
}
