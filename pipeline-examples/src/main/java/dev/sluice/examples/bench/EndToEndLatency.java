package dev.sluice.examples.bench;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.StageContext;
import java.nio.file.Path;

/** The last stage of a latency run: measures source to here. Histogram: metrics/end-to-end.hgrm. */
public final class EndToEndLatency implements Aggregate<Long> {
    private LatencyRecorder recorder;
    private Path file;

    @Override
    public void open(StageContext context) {
        recorder = new LatencyRecorder(context.options().getLong("warmup", 100_000));
        file = context.runDirectory().resolve("metrics").resolve(context.options().getString("name", "end-to-end") + ".hgrm");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public void accept(Long emitted) {
        recorder.record(emitted);
    }

    public Object finish() throws Exception {
        return recorder.write(file);
    }
}
