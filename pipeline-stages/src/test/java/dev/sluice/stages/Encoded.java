package dev.sluice.stages;

import dev.sluice.api.Codec;
import dev.sluice.api.RecordInput;
import dev.sluice.api.RecordOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A record encoded by a codec into plain bytes and decoded back, as a queue would carry it. */
final class Encoded {
    private Encoded() {
    }

    static <T> byte[] encode(Codec<T> codec, T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        codec.encode(value, new RecordOutput() {
            public void writeByte(int v) { io(() -> data.writeByte(v)); }
            public void writeInt(int v) { io(() -> data.writeInt(v)); }
            public void writeLong(long v) { io(() -> data.writeLong(v)); }
            public void writeDouble(double v) { io(() -> data.writeDouble(v)); }
            public void writeBytes(byte[] b, int off, int len) { io(() -> data.write(b, off, len)); }
            public void writeUtf8(CharSequence v) {
                byte[] utf8 = v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                io(() -> { data.writeInt(utf8.length); data.write(utf8); });
            }
            public void writeText(CharSequence v) {
                byte[] utf8 = v.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                io(() -> data.write(utf8));
            }
        });
        return bytes.toByteArray();
    }

    static <T> T decode(Codec<T> codec, byte[] bytes) {
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
        return codec.decode(new RecordInput() {
            public int readByte() { return get(data::readByte); }
            public int readInt() { return get(data::readInt); }
            public long readLong() { return get(data::readLong); }
            public double readDouble() { return get(data::readDouble); }
            public void readBytes(byte[] into, int off, int len) { io(() -> data.readFully(into, off, len)); }
            public String readUtf8() {
                byte[] utf8 = new byte[readInt()];
                readBytes(utf8, 0, utf8.length);
                return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            }
            public String readText(int length) {
                byte[] utf8 = new byte[length];
                readBytes(utf8, 0, length);
                return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            }
            public int remaining() { return get(data::available); }
        });
    }

    static <T> T roundTrip(Codec<T> codec, T value) {
        return decode(codec, encode(codec, value));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private interface IoGet<V> {
        V get() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <V> V get(IoGet<V> getter) {
        try {
            return getter.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
