package dev.sluice.runtime;

import dev.sluice.api.Aggregate;
import dev.sluice.files.PrivateFiles;
import dev.sluice.queue.DocumentReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * An aggregate's state and its input positions, saved together in one file (temp file + atomic
 * rename), so a restarted aggregate continues exactly where the snapshot was taken: the records after
 * those positions are replayed from the queues, the ones before them are already in the state.
 */
final class AggregateCheckpoint {
    private static final int MAGIC = 0x534C4350;

    private final Path file;

    AggregateCheckpoint(Path file) {
        this.file = file;
    }

    /** Where an aggregate's snapshot lives (one per partition of a partitioned aggregate). */
    static Path fileOf(RunLayout layout, dev.sluice.config.StageConfig stage, int partition) {
        return stage.partitions() > 1 ? layout.snapshot(stage.name(), partition) : layout.snapshot(stage.name());
    }

    boolean exists() {
        return Files.exists(file);
    }

    /**
     * Saves, for an aggregate that {@linkplain Aggregate#snapshots snapshots}; whatever its {@code snapshot()}
     * throws fails the save (and the process), the last snapshot staying as it was.
     */
    void save(Aggregate<?> aggregate, List<DocumentReader> readers, InputMerge merge, long recordsIn)
            throws Exception {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(PrivateFiles.newOutputStream(temp)))) {
            out.writeInt(MAGIC);
            out.writeInt(readers.size());
            for (DocumentReader reader : readers) {
                out.writeLong(reader.position());
            }
            merge.save(out);
            out.writeLong(recordsIn);
            aggregate.snapshot(new Unclosable(out));
        } catch (Exception e) {
            Files.deleteIfExists(temp); // say a full disk: the last snapshot stays, and so does the room this took
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The input positions of the last snapshot in {@code file}, or null if there is none. */
    static long[] positions(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            long[] positions = new long[in.readInt()];
            for (int q = 0; q < positions.length; q++) {
                positions[q] = in.readLong();
            }
            return positions;
        } catch (IOException e) {
            return null;
        }
    }

    /** Restores state and positions; returns the records-in count at the snapshot. */
    long load(Aggregate<?> aggregate, List<DocumentReader> readers, InputMerge merge) throws Exception {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != readers.size()) {
                throw new IOException(file + " is not a snapshot of this aggregate's inputs");
            }
            for (DocumentReader reader : readers) {
                long position = in.readLong();
                if (!reader.skipTo(position)) {
                    throw new IOException(file + " is ahead of its input queues");
                }
            }
            merge.load(in);
            long recordsIn = in.readLong();
            aggregate.restore(new UnclosableInput(in));
            return recordsIn;
        }
    }

    /** Keeps a stage's snapshot code from closing our stream early. */
    private static final class Unclosable extends java.io.FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class UnclosableInput extends java.io.FilterInputStream {
        UnclosableInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
