package dev.sluice.config;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Codecs;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.Source;
import dev.sluice.api.StageCatalog;
import java.util.Map;

/** Tiny stages the loader tests can name, and a catalog that names them as built-in types. */
public final class TestStages implements StageCatalog {
    @Override
    public Map<String, String> stages() {
        return Map.of("numbers", Numbers.class.getName(), "total", Total.class.getName());
    }

    public static final class Numbers implements Source<Long> {
        public Codec<Long> outputCodec() { return Codecs.LONG; }
        public boolean read(Emitter<Long> out, int max) { return false; }
        public long position() { return 0; }
    }

    public static final class Double implements Processor<Long, Long> {
        public Codec<Long> inputCodec() { return Codecs.LONG; }
        public Codec<Long> outputCodec() { return Codecs.LONG; }
        public void process(Long record, Emitter<Long> out) { out.emit(record * 2); }
    }

    public static final class Total implements Aggregate<Long> {
        public Codec<Long> inputCodec() { return Codecs.LONG; }
        public void accept(Long record) { }
        public Object finish() { return 0; }
    }

    /** An aggregate that can be partitioned: it merges other partitions' states. */
    public static final class MergingTotal implements Aggregate<Long> {
        public Codec<Long> inputCodec() { return Codecs.LONG; }
        public void accept(Long record) { }
        public Object finish() { return 0; }
        public void merge(java.io.InputStream otherSnapshot) { }
    }

    public static final class NotAStage {
    }
}
