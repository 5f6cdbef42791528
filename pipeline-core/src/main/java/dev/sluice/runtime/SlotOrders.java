package dev.sluice.runtime;

import dev.sluice.config.PipelineConfig;
import dev.sluice.config.PipelineConfigCodec;
import dev.sluice.files.FormatVersions;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;

/**
 * What the supervisor tells a stage process on its standard input, in this order: the pipeline's resolved
 * configuration (as soon as the process is started, so it loads while the JVM is still booting), then the
 * slot to run (once the run's queues exist or, for a standby process, once a slot needs a new process). An
 * input that ends before the slot means there is nothing to do: the process exits. The format is written and
 * read here only.
 */
public final class SlotOrders {
    private static final int VERSION = FormatVersions.SLOT_ORDERS;

    /** The slot a process is to run. */
    public record Slot(String stage, int worker) {
    }

    private SlotOrders() {
    }

    public static void writeConfig(DataOutputStream out, byte[] encodedConfig) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(encodedConfig.length);
        out.write(encodedConfig);
        out.flush();
    }

    public static void writeSlot(DataOutputStream out, String stage, int worker) throws IOException {
        out.writeUTF(stage);
        out.writeInt(worker);
        out.flush();
    }

    /** The configuration, with stage classes loaded by {@code stageLoader}; null if the input ended first. */
    static PipelineConfig readConfig(DataInputStream in, ClassLoader stageLoader) throws IOException {
        int version;
        try {
            version = in.readInt();
        } catch (EOFException ended) {
            return null;
        }
        if (version != VERSION) {
            throw new StreamCorruptedException("orders of version " + version + ", expected " + VERSION
                    + ": the supervisor runs another build of Sluice");
        }
        byte[] encoded = new byte[in.readInt()];
        in.readFully(encoded);
        return PipelineConfigCodec.decode(encoded, stageLoader);
    }

    /** The slot to run; null if the input ended first. */
    static Slot readSlot(DataInputStream in) throws IOException {
        try {
            return new Slot(in.readUTF(), in.readInt());
        } catch (EOFException ended) {
            return null;
        }
    }
}
