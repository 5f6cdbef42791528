package dev.sluice.examples.bench;

import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.StageContext;
import java.nio.file.Path;

/** A worker that measures one hop (source to here) and passes the timestamp on. Histogram: metrics/hop-W.hgrm. */
public final class HopLatency implements Processor<Long, Long> {
    private LatencyRecorder recorder;
    private Path file;

    @Override
    public void open(StageContext context) {
        recorder = new LatencyRecorder(context.options().getLong("warmup", 100_000));
        file = context.runDirectory().resolve("metrics").resolve("hop-" + context.workerIndex() + ".hgrm");
    }

    public Codec<Long> inputCodec() { return Codecs.LONG; }

    public Codec<Long> outputCodec() { return Codecs.LONG; }

    public void process(Long emitted, Emitter<Long> out) {
        recorder.record(emitted);
        out.emit(emitted);
    }

    @Override
    public void close() throws Exception {
        recorder.write(file);
    }
}
