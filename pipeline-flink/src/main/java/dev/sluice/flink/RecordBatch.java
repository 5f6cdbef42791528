package dev.sluice.flink;

import dev.sluice.api.ByteView;
import dev.sluice.api.RecordOutput;
import dev.sluice.api.RecordWriter;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One Flink record: a batch of Sluice records, as a document is on a local queue. Layout: {@code long
 * origin} (big-endian: the dense number of the source batch it descends from, what an ordered merge sorts
 * by), {@code int count}, then {@code count} times {@code int length, bytes}. Each record's bytes are what
 * they are in a local queue (numbers in native order, text as UTF-8), so batch stages read them in place
 * through {@link ByteView} and per-record stages through their codecs. Flink sees only {@code byte[]}: no
 * Kryo, no POJO analysis.
 */
final class RecordBatch {
    static final int HEADER = Long.BYTES + Integer.BYTES;
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

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
        return readInt(batch, Long.BYTES);
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
    }

    /** What a stage does with a batch's records. */
    @FunctionalInterface
    interface BatchCall {
        void call(dev.sluice.api.RecordBatch records) throws Exception;
    }

    /**
     * Hands every record of {@code batch} to {@code call}, in order. A record that throws goes to
     * {@code policy}, and the stage is called again to carry on after it, as a local run does.
     */
    static void deliver(byte[] batch, BatchCall call, RecordPolicy policy) throws Exception {
        Records records = new Records(batch);
        while (true) {
            int before = records.index;
            try {
                call.call(records);
                return;
            } catch (Exception e) {
                int index = records.index;
                boolean onRecord = index >= 0 && index < records.count;
                policy.failed(records.origin, Math.max(0, index), e);
                if (!onRecord || index == before) {
                    return; // not a record's failure, or no progress since the last one
                }
            }
        }
    }

    /** A batch's records, read in place. */
    private static final class Records implements dev.sluice.api.RecordBatch {
        private final byte[] batch;
        private final ByteView view = new ByteView();
        private final long origin;
        private final int count;
        private int index = -1;
        private int at = HEADER;

        Records(byte[] batch) {
            this.batch = batch;
            this.origin = origin(batch);
            this.count = count(batch);
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public boolean next() {
            if (index + 1 >= count) {
                index = count;
                return false;
            }
            if (index >= 0) {
                at += Integer.BYTES + view.length();
            }
            index++;
            view.wrap(batch, at + Integer.BYTES, readInt(batch, at));
            return true;
        }

        @Override
        public ByteView record() {
            return view;
        }
    }

    /** Builds one batch: records encoded straight into a growing array, length-prefixed. */
    static final class Writer implements RecordWriter, RecordOutput {
        private byte[] bytes = new byte[256];
        private int length;
        private int count;
        private int recordStart = -1;

        /** Starts a new batch descending from source batch {@code origin}. */
        Writer start(long origin) {
            length = 0;
            count = 0;
            for (int i = Long.BYTES - 1; i >= 0; i--) {
                bytes[i] = (byte) origin;
                origin >>>= 8;
            }
            length = HEADER;
            return this;
        }

        int count() {
            return count;
        }

        byte[] finish() {
            putInt(Long.BYTES, count);
            return Arrays.copyOf(bytes, length);
        }

        @Override
        public RecordOutput begin() {
            ensure(Integer.BYTES);
            recordStart = length;
            length += Integer.BYTES;
            return this;
        }

        @Override
        public void end() {
            if (recordStart < 0) {
                throw new IllegalStateException("end() without begin()");
            }
            putInt(recordStart, length - recordStart - Integer.BYTES);
            recordStart = -1;
            count++;
        }

        public void writeByte(int value) {
            ensure(1);
            bytes[length++] = (byte) value;
        }

        public void writeInt(int value) {
            ensure(Integer.BYTES);
            for (int i = 0; i < Integer.BYTES; i++) {
                bytes[length + (LITTLE_ENDIAN ? i : Integer.BYTES - 1 - i)] = (byte) value;
                value >>>= 8;
            }
            length += Integer.BYTES;
        }

        public void writeLong(long value) {
            ensure(Long.BYTES);
            for (int i = 0; i < Long.BYTES; i++) {
                bytes[length + (LITTLE_ENDIAN ? i : Long.BYTES - 1 - i)] = (byte) value;
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
            for (long n = utf8.length; ; n >>>= 7) { // stop-bit length, as a local queue writes it
                if (n < 0x80) {
                    writeByte((int) n);
                    break;
                }
                writeByte((int) (n & 0x7F) | 0x80);
            }
            writeBytes(utf8, 0, utf8.length);
        }

        public void writeText(CharSequence value) {
            byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
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
    }
}
