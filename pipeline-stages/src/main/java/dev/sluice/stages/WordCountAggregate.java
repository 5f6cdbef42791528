package dev.sluice.stages;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.KeyCount;
import dev.sluice.api.Options;
import dev.sluice.api.ResultFiles;
import dev.sluice.api.StageContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Built-in {@code word-count}: merges (word, count) partial counts and writes a TSV, one
 * {@code word<TAB>count} line per word, by count descending then word ascending. Option: {@code output}.
 */
public final class WordCountAggregate implements Aggregate<KeyCount> {
    private static final int FORMAT = -2;
    private final Map<String, long[]> counts = new HashMap<>();
    private Path output;

    @Override
    public void validate(Options options) {
        options.getPath("output");
    }

    @Override
    public void open(StageContext context) {
        output = context.options().getPath("output");
    }

    @Override
    public Codec<KeyCount> inputCodec() {
        return Codecs.KEY_COUNT;
    }

    @Override
    public void accept(KeyCount partial) {
        counts.computeIfAbsent(partial.key(), k -> new long[1])[0] += partial.count();
    }

    @Override
    public Object finish() throws Exception {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Long.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        long total = 0;
        for (Map.Entry<String, long[]> e : entries) {
            total += e.getValue()[0];
        }
        ResultFiles.writeAtomically(output, out -> {
            for (Map.Entry<String, long[]> e : entries) {
                out.write(e.getKey());
                out.write('\t');
                out.write(Long.toString(e.getValue()[0]));
                out.write('\n');
            }
        });
        return entries.size() + " distinct words, " + total + " in all, written to " + output;
    }

    /**
     * Words of any length (not {@code writeUTF}'s 65,535 bytes): each is its UTF-8 length, its bytes, its
     * count. The format is marked by a leading {@value #FORMAT}; an older snapshot starts with its size.
     */
    @Override
    public void snapshot(OutputStream out) throws Exception {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(FORMAT);
        data.writeInt(counts.size());
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            StateIO.writeString(data, e.getKey());
            data.writeLong(e.getValue()[0]);
        }
        data.flush();
    }

    @Override
    public void restore(InputStream in) throws Exception {
        DataInputStream data = new DataInputStream(in);
        counts.clear();
        int first = data.readInt();
        if (first != FORMAT) {
            for (int n = first; n > 0; n--) {
                counts.put(data.readUTF(), new long[] {data.readLong()});
            }
            return;
        }
        for (int n = data.readInt(); n > 0; n--) {
            counts.put(StateIO.readString(data), new long[] {data.readLong()});
        }
    }
}
