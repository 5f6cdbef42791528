package dev.sluice.runtime;

import dev.sluice.api.Aggregate;
import dev.sluice.api.BatchAggregate;
import dev.sluice.api.BatchProcessor;
import dev.sluice.api.BatchSource;
import dev.sluice.api.ByteViewInput;
import dev.sluice.api.Codec;
import dev.sluice.api.Emitter;
import dev.sluice.api.Processor;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.RecordWriter;
import dev.sluice.api.Source;
import dev.sluice.api.Stage;
import dev.sluice.api.StageContext;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The runtime drives every stage as a batch stage; a stage on the per-record API is adapted here, its
 * records decoded and encoded one by one through its codecs. Codecs are asked for after {@code open},
 * since they may depend on options. Public for other engines (Flink), which drive stages the same way.
 */
public final class PerRecordStages {
    private PerRecordStages() {
    }

    @SuppressWarnings("unchecked")
    public static BatchSource source(Stage stage) {
        return stage instanceof BatchSource batch ? batch : new RecordSource((Source<Object>) stage);
    }

    @SuppressWarnings("unchecked")
    public static BatchProcessor processor(Stage stage) {
        return stage instanceof BatchProcessor batch ? batch : new RecordProcessor((Processor<Object, Object>) stage);
    }

    @SuppressWarnings("unchecked")
    public static BatchAggregate aggregate(Stage stage) {
        return stage instanceof BatchAggregate batch ? batch : new RecordAggregate((Aggregate<Object>) stage);
    }

    /** The stage a batch stage stands for: itself, or the per-record stage it adapts. */
    public static Stage unwrap(Stage stage) {
        return stage instanceof Adapter adapter ? adapter.stage() : stage;
    }

    private interface Adapter {
        Stage stage();
    }

    /** Emits objects into a record writer through a codec; one per writer, made once. */
    private static final class Encoder implements Emitter<Object> {
        private final RecordWriter out;
        private final Codec<Object> codec;

        Encoder(RecordWriter out, Codec<Object> codec) {
            this.out = out;
            this.codec = codec;
        }

        static Encoder of(Encoder last, RecordWriter out, Codec<Object> codec) {
            return last != null && last.out == out ? last : new Encoder(out, codec);
        }

        @Override
        public void emit(Object record) {
            out.emit(record, codec);
        }
    }

    private static final class RecordSource implements BatchSource, Adapter {
        private final Source<Object> source;
        private Codec<Object> codec;
        private Encoder encoder;

        RecordSource(Source<Object> source) {
            this.source = source;
        }

        public Stage stage() { return source; }

        @Override
        public void open(StageContext context) throws Exception {
            source.open(context);
            codec = source.outputCodec();
        }

        @Override
        public boolean read(RecordWriter out, int max) throws Exception {
            encoder = Encoder.of(encoder, out, codec);
            return source.read(encoder, max);
        }

        public long position() { return source.position(); }

        public void seek(long position) throws Exception { source.seek(position); }

        public void close() throws Exception { source.close(); }
    }

    private static final class RecordProcessor implements BatchProcessor, Adapter {
        private final Processor<Object, Object> processor;
        private final ByteViewInput input = new ByteViewInput();
        private Codec<Object> inputCodec;
        private Codec<Object> outputCodec;
        private Encoder encoder;

        RecordProcessor(Processor<Object, Object> processor) {
            this.processor = processor;
        }

        public Stage stage() { return processor; }

        @Override
        public void open(StageContext context) throws Exception {
            processor.open(context);
            inputCodec = processor.inputCodec();
            outputCodec = processor.outputCodec();
        }

        @Override
        public void process(RecordBatch records, RecordWriter out) throws Exception {
            encoder = Encoder.of(encoder, out, outputCodec);
            while (records.next()) {
                processor.process(inputCodec.decode(input.over(records.record())), encoder);
            }
        }

        @Override
        public void flush(RecordWriter out) throws Exception {
            encoder = Encoder.of(encoder, out, outputCodec);
            processor.flush(encoder);
        }

        public void close() throws Exception { processor.close(); }
    }

    private static final class RecordAggregate implements BatchAggregate, Adapter {
        private final Aggregate<Object> aggregate;
        private final ByteViewInput input = new ByteViewInput();
        private Codec<Object> codec;

        RecordAggregate(Aggregate<Object> aggregate) {
            this.aggregate = aggregate;
        }

        public Stage stage() { return aggregate; }

        @Override
        public void open(StageContext context) throws Exception {
            aggregate.open(context);
            codec = aggregate.inputCodec();
        }

        @Override
        public void accept(RecordBatch records) throws Exception {
            while (records.next()) {
                aggregate.accept(codec.decode(input.over(records.record())));
            }
        }

        public Object finish() throws Exception { return aggregate.finish(); }

        public boolean snapshots() { return aggregate.snapshots(); }

        public void snapshot(OutputStream out) throws Exception { aggregate.snapshot(out); }

        public void restore(InputStream in) throws Exception { aggregate.restore(in); }

        public void merge(InputStream otherSnapshot) throws Exception { aggregate.merge(otherSnapshot); }

        public void close() throws Exception { aggregate.close(); }
    }
}
