package dev.sluice.examples.testing;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;

/** Counts numbers, slowly (0.5 ms each): a reader that falls behind its writer. */
public final class SlowCount implements Aggregate<Long> {
    private long count;

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public void accept(Long record) throws InterruptedException {
        Thread.sleep(0, 500_000);
        count++;
    }

    public Object finish() { return count; }
}
