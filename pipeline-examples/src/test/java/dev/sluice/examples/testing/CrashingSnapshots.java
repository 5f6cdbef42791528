package dev.sluice.examples.testing;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.StageContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sums longs, but its process dies (as a native crash would) in its first {@code crashes} snapshots,
 * counted in a file of the run directory: a crash that is no record's fault.
 */
public final class CrashingSnapshots implements Aggregate<Long> {
    private long sum;
    private Path counter;
    private long crashes;

    @Override
    public void open(StageContext context) {
        crashes = context.options().getLong("crashes");
        counter = context.runDirectory().resolve("snapshot-crashes");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public void accept(Long value) { sum += value; }

    public Object finish() { return sum; }

    @Override
    public void snapshot(OutputStream out) throws IOException {
        long crashed = Files.exists(counter) ? Long.parseLong(Files.readString(counter).trim()) : 0;
        if (crashed < crashes) {
            Files.writeString(counter, Long.toString(crashed + 1));
            Runtime.getRuntime().halt(3);
        }
        new DataOutputStream(out).writeLong(sum);
    }

    @Override
    public void restore(InputStream in) throws IOException {
        sum = new DataInputStream(in).readLong();
    }
}
