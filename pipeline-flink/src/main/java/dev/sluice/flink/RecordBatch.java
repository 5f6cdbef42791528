package dev.sluice.flink;

import dev.sluice.api.Codec;
import dev.sluice.api.RecordInput;
import dev.sluice.api.RecordOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One Flink record: a batch of Sluice records, as a document is on a local queue. Layout (big-endian):
 * {@code long origin} (the dense number of the source batch it descends from: what an ordered merge
 * sorts by), {@code int count}, then {@code count} times {@code int length, bytes} made by the stages'
 * own codecs. Flink sees only {@code byte[]}: no Kryo, no POJO analysis.
 */
final class RecordBatch {
    static final int HEADER = Long.BYTES + Integer.BYTES;

    private RecordBatch() {
    }

    static long origin(byte[] batch) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (batch[i] & 0xFF);
        }
        return value;
    }

    static int count(byte[] batch) {
        return Writer.readInt(batch, Long.BYTES);
    }

    /**
     * Decodes every record of {@code batch} with {@code codec} and hands it to {@code consumer}, in order;
     * an exception from either goes to {@code policy} (errors are not caught).
     */
    static <T> void forEach(byte[] batch, Codec<T> codec, RecordConsumer<T> consumer, RecordPolicy policy) {
        Reader in = new Reader(batch);
        long origin = origin(batch);
        int count = count(batch);
        int at = HEADER;
        for (int i = 0; i < count; i++) {
            int length = Writer.readInt(batch, at);
            at += Integer.BYTES;
            in.bound(at, at + length);
            try {
                consumer.accept(codec.decode(in));
            } catch (Exception e) {
                policy.failed(origin, i, e);
            }
            at += length;
        }
    }

    @FunctionalInterface
    interface RecordConsumer<T> {
        void accept(T record) throws Exception;
    }

    /** Builds one batch: records encoded straight into a growing array, length-prefixed. */
    static final class Writer implements RecordOutput {
        private byte[] bytes = new byte[256];
        private int length;
        private int count;
        private int recordStart;

        /** Starts a new batch descending from source batch {@code origin}. */
        Writer start(long origin) {
            length = 0;
            count = 0;
            writeLong(origin);
            writeInt(0);
            return this;
        }

        <T> void add(Codec<T> codec, T record) {
            recordStart = length;
            writeInt(0);
            codec.encode(record, this);
            putInt(recordStart, length - recordStart - Integer.BYTES);
            count++;
        }

        int count() {
            return count;
        }

        byte[] finish() {
            putInt(Long.BYTES, count);
            return Arrays.copyOf(bytes, length);
        }

        public void writeByte(int value) {
            ensure(1);
            bytes[length++] = (byte) value;
        }

        public void writeInt(int value) {
            ensure(Integer.BYTES);
            putInt(length, value);
            length += Integer.BYTES;
        }

        public void writeLong(long value) {
            ensure(Long.BYTES);
            for (int i = Long.BYTES - 1; i >= 0; i--) {
                bytes[length + i] = (byte) value;
                value >>>= 8;
            }
            length += Long.BYTES;
        }

        public void writeDouble(double value) {
            writeLong(Double.doubleToRawLongBits(value));
        }

        public void writeBytes(byte[] source, int offset, int count) {
            ensure(count);
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }

        public void writeUtf8(CharSequence value) {
            byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            writeBytes(utf8, 0, utf8.length);
        }

        private void putInt(int at, int value) {
            bytes[at] = (byte) (value >>> 24);
            bytes[at + 1] = (byte) (value >>> 16);
            bytes[at + 2] = (byte) (value >>> 8);
            bytes[at + 3] = (byte) value;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        static int readInt(byte[] bytes, int at) {
            return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
        }
    }

    /** One record of a batch, for a codec to decode. */
    private static final class Reader implements RecordInput {
        private final byte[] bytes;
        private int at;
        private int limit;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        void bound(int from, int to) {
            at = from;
            limit = to;
        }

        public int readByte() {
            check(1);
            return bytes[at++];
        }

        public int readInt() {
            check(Integer.BYTES);
            int value = Writer.readInt(bytes, at);
            at += Integer.BYTES;
            return value;
        }

        public long readLong() {
            check(Long.BYTES);
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (bytes[at++] & 0xFF);
            }
            return value;
        }

        public double readDouble() {
            return Double.longBitsToDouble(readLong());
        }

        public void readBytes(byte[] into, int offset, int length) {
            check(length);
            System.arraycopy(bytes, at, into, offset, length);
            at += length;
        }

        public String readUtf8() {
            int length = readInt();
            check(length);
            String value = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
        }

        public int remaining() {
            return limit - at;
        }

        private void check(int length) {
            if (length < 0 || at + length > limit) {
                throw new IndexOutOfBoundsException("a codec read " + length + " bytes with " + remaining() + " left in the record");
            }
        }
    }
}
