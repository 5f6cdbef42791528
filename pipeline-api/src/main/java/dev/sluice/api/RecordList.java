package dev.sluice.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records in memory, one byte array each: a {@link RecordBatch} to feed a batch stage and a
 * {@link RecordWriter} to collect what it writes, in tests and replays. Records have the bytes the
 * runtime would give them in a queue.
 */
public final class RecordList implements RecordBatch, RecordWriter {
    private final List<byte[]> records = new ArrayList<>();
    private final ByteView view = new ByteView();
    private final ArrayOutput output = new ArrayOutput();
    private int cursor = -1;

    /** A list of {@code values}, each encoded with {@code codec}. */
    @SafeVarargs
    public static <T> RecordList of(Codec<T> codec, T... values) {
        RecordList list = new RecordList();
        for (T value : values) {
            list.emit(value, codec);
        }
        return list;
    }

    /** A list of these records' bytes. */
    public static RecordList ofBytes(List<byte[]> records) {
        RecordList list = new RecordList();
        list.records.addAll(records);
        return list;
    }

    /** Every record, decoded with {@code codec}. */
    public <T> List<T> decode(Codec<T> codec) {
        ByteViewInput input = new ByteViewInput();
        List<T> values = new ArrayList<>();
        ByteView record = new ByteView();
        for (byte[] bytes : records) {
            values.add(codec.decode(input.over(record.wrap(bytes, 0, bytes.length))));
        }
        return values;
    }

    /** The records' bytes, in order. */
    public List<byte[]> records() {
        return records;
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public boolean next() {
        if (cursor + 1 >= records.size()) {
            cursor = records.size();
            return false;
        }
        byte[] bytes = records.get(++cursor);
        view.wrap(bytes, 0, bytes.length);
        return true;
    }

    @Override
    public ByteView record() {
        return view;
    }

    @Override
    public RecordOutput begin() {
        output.reset();
        return output;
    }

    @Override
    public void end() {
        records.add(output.toByteArray());
    }

    /** Encodes as the queue does: numbers in native order, text as UTF-8. */
    private static final class ArrayOutput extends ByteArrayOutputStream implements RecordOutput {
        private final ByteBuffer number = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder());

        public void writeByte(int value) { write(value); }

        public void writeInt(int value) { write(number.clear().putInt(value).array(), 0, Integer.BYTES); }

        public void writeLong(long value) { write(number.clear().putLong(value).array(), 0, Long.BYTES); }

        public void writeDouble(double value) { write(number.clear().putDouble(value).array(), 0, Double.BYTES); }

        public void writeBytes(byte[] bytes, int offset, int length) { write(bytes, offset, length); }

        public void writeUtf8(CharSequence value) {
            byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
            for (long n = utf8.length; ; n >>>= 7) { // stop-bit length, as the queue writes it
                if (n < 0x80) {
                    write((int) n);
                    break;
                }
                write((int) (n & 0x7F) | 0x80);
            }
            write(utf8, 0, utf8.length);
        }

        public void writeText(CharSequence value) {
            byte[] utf8 = value.toString().getBytes(StandardCharsets.UTF_8);
            write(utf8, 0, utf8.length);
        }
    }
}
