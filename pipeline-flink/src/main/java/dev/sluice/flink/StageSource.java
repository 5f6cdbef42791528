package dev.sluice.flink;

import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** A Sluice {@link dev.sluice.api.Source} stage as a Flink Source (API v2): one split that carries its position. */
final class StageSource implements Source<byte[], PositionSplit, Collection<PositionSplit>>, ResultTypeQueryable<byte[]> {
    private static final long serialVersionUID = 1L;

    private final PipelineSpec spec;
    private final String stage;

    StageSource(PipelineSpec spec, String stage) {
        this.spec = spec;
        this.stage = stage;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<byte[], PositionSplit> createReader(SourceReaderContext context) {
        return new StageSourceReader(spec, stage, context);
    }

    @Override
    public SplitEnumerator<PositionSplit, Collection<PositionSplit>> createEnumerator(
            SplitEnumeratorContext<PositionSplit> context) {
        return new SplitAssigner(context, List.of(PositionSplit.fresh(stage)));
    }

    @Override
    public SplitEnumerator<PositionSplit, Collection<PositionSplit>> restoreEnumerator(
            SplitEnumeratorContext<PositionSplit> context, Collection<PositionSplit> checkpoint) {
        return new SplitAssigner(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<PositionSplit> getSplitSerializer() {
        return PositionSplit.Serializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<Collection<PositionSplit>> getEnumeratorCheckpointSerializer() {
        return PositionSplit.ListSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<byte[]> getProducedType() {
        return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
    }
}
