package dev.sluice.stages;

import dev.sluice.api.BatchAggregate;
import dev.sluice.api.ByteView;
import dev.sluice.api.CountTable;
import dev.sluice.api.Options;
import dev.sluice.api.RecordBatch;
import dev.sluice.api.StageContext;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Built-in {@code word-count}: merges {@code key-count} partial counts, read in place into a
 * {@link CountTable} (no object per word), and writes a TSV, one {@code word<TAB>count} line per word, by
 * count descending then word ascending (in UTF-8 byte order). Option: {@code output}. Partitions merge
 * their tables, whose keys do not overlap when routed by key.
 */
public final class WordCountAggregate implements BatchAggregate {
    private static final int FORMAT = -2;
    private final CountTable counts = new CountTable(1 << 16);
    private Path output;

    @Override
    public void validate(Options options) {
        options.getPath("output");
    }

    @Override
    public void open(StageContext context) {
        output = context.options().getPath("output");
    }

    @Override
    public void accept(RecordBatch partials) {
        counts.addKeyCounts(partials);
    }

    @Override
    public Object finish() throws Exception {
        int[] order = counts.sortedByCount();
        long total = 0;
        Path target = output.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                byte[] digits = new byte[20];
                byte[] key = new byte[256];
                for (int entry : order) {
                    ByteView word = counts.key(entry);
                    if (word.length() > key.length) {
                        key = new byte[word.length()];
                    }
                    word.copyTo(0, key, 0, word.length());
                    out.write(key, 0, word.length());
                    out.write('\t');
                    long count = counts.count(entry);
                    total += count;
                    writeDecimal(out, count, digits);
                    out.write('\n');
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return counts.size() + " distinct words, " + total + " in all, written to " + output;
    }

    private static void writeDecimal(OutputStream out, long value, byte[] digits) throws java.io.IOException {
        int i = digits.length;
        do {
            digits[--i] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        out.write(digits, i, digits.length - i);
    }

    /**
     * Words of any length (not {@code writeUTF}'s 65,535 bytes): each is its UTF-8 length, its bytes, its
     * count. The format is marked by a leading {@value #FORMAT}; an older snapshot starts with its size.
     */
    @Override
    public boolean snapshots() {
        return true;
    }

    @Override
    public void snapshot(OutputStream out) throws Exception {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        data.writeInt(FORMAT);
        counts.writeTo(data);
        data.flush();
    }

    @Override
    public void restore(InputStream in) throws Exception {
        counts.clear();
        merge(in);
    }

    /** Adds a snapshot's counts: a partition's, or this aggregate's own on restore. */
    @Override
    public void merge(InputStream otherSnapshot) throws Exception {
        DataInputStream data = new DataInputStream(otherSnapshot);
        int first = data.readInt();
        if (first == FORMAT) {
            counts.addFrom(data);
            return;
        }
        ByteView word = new ByteView();
        for (int n = first; n > 0; n--) { // the earlier format: writeUTF's words
            byte[] utf8 = data.readUTF().getBytes(StandardCharsets.UTF_8);
            counts.add(word.wrap(utf8, 0, utf8.length), 0, utf8.length, data.readLong());
        }
    }
}
