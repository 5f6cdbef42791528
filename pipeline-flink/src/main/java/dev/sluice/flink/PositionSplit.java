package dev.sluice.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The one split of a Sluice source: where it is. A fresh split has no position (a fresh run never
 * seeks); a checkpointed one carries {@code Source.position()} after the last batch emitted and the
 * number the next batch gets, so a restored reader seeks there and numbers on densely.
 */
record PositionSplit(String stage, boolean resumed, long position, long nextOrigin) implements SourceSplit {
    static PositionSplit fresh(String stage) {
        return new PositionSplit(stage, false, 0, 0);
    }

    @Override
    public String splitId() {
        return stage;
    }

    /** Flink's (de)serializer for one split, version 1. */
    static final class Serializer implements SimpleVersionedSerializer<PositionSplit> {
        static final Serializer INSTANCE = new Serializer();

        public int getVersion() {
            return 1;
        }

        public byte[] serialize(PositionSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            write(new DataOutputStream(bytes), split);
            return bytes.toByteArray();
        }

        public PositionSplit deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            return read(new DataInputStream(new ByteArrayInputStream(serialized)));
        }
    }

    /** Flink's (de)serializer for the enumerator's unassigned splits, version 1. */
    static final class ListSerializer implements SimpleVersionedSerializer<Collection<PositionSplit>> {
        static final ListSerializer INSTANCE = new ListSerializer();

        public int getVersion() {
            return 1;
        }

        public byte[] serialize(Collection<PositionSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(splits.size());
            for (PositionSplit split : splits) {
                write(out, split);
            }
            out.flush();
            return bytes.toByteArray();
        }

        public Collection<PositionSplit> deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
            List<PositionSplit> splits = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                splits.add(read(in));
            }
            return splits;
        }
    }

    private static void write(DataOutputStream out, PositionSplit split) throws IOException {
        out.writeUTF(split.stage);
        out.writeBoolean(split.resumed);
        out.writeLong(split.position);
        out.writeLong(split.nextOrigin);
        out.flush();
    }

    private static PositionSplit read(DataInputStream in) throws IOException {
        return new PositionSplit(in.readUTF(), in.readBoolean(), in.readLong(), in.readLong());
    }

    private static void checkVersion(int version) throws IOException {
        if (version != 1) {
            throw new IOException("source split format version " + version + " is not known to this build (1)");
        }
    }
}
