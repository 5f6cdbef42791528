package dev.sluice.examples.shared;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.ResultFiles;
import dev.sluice.api.SharedLongArray;
import dev.sluice.api.StageContext;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Waits for its inputs to end, then reports a shared {@code counter} (its value), {@code long-array}
 * ({@code [1, 1, 1]}) or {@code map} ({@code {k0=0, k1=1}}, sorted by key): prints it as the run's result
 * and writes it to {@code output}.
 */
public final class SharedValue implements Aggregate<byte[]> {
    private Supplier<String> value;
    private Path output;

    @Override
    public void open(StageContext context) {
        if (context.options().has("map")) {
            var map = context.shared().map(context.options().getString("map"), String.class, Long.class);
            value = () -> new java.util.TreeMap<>(map).toString();
        } else if (context.options().has("counter")) {
            var counter = context.shared().counter(context.options().getString("counter"));
            value = () -> Long.toString(counter.get());
        } else {
            SharedLongArray array = context.shared().longArray(context.options().getString("long-array"));
            value = () -> {
                StringJoiner text = new StringJoiner(", ", "[", "]");
                for (int i = 0; i < array.length(); i++) {
                    text.add(Long.toString(array.get(i)));
                }
                return text.toString();
            };
        }
        output = context.options().getPath("output");
    }

    public Codec<byte[]> inputCodec() { return Codecs.BYTES; }

    public void accept(byte[] record) {
    }

    public Object finish() throws Exception {
        String result = value.get();
        ResultFiles.writeLine(output, result);
        return result;
    }
}
