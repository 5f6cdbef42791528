package dev.sluice.stages;

import dev.sluice.api.Aggregate;
import dev.sluice.api.CheckpointListener;
import dev.sluice.api.Options;
import dev.sluice.api.StageContext;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * A file sink with exactly-once output: records are written while the run goes, into part files of
 * {@code part-records} records each (cut by input, never by time, so a resumed run writes the same
 * parts byte for byte when its input order is deterministic). A full part is closed and synced, then
 * the runtime saves the snapshot (which lists it and says how far the open part got) with the input
 * positions, and only then is the part renamed to its visible name. A restarted sink commits what its
 * snapshot lists, cuts the open part back to the snapshot's length and replays from the positions: no
 * record lost, none twice. The end commits the last part and writes {@code _SUCCESS}.
 */
abstract class PartFileSink<T> implements Aggregate<T>, CheckpointListener {
    private static final int VERSION = 1;

    private PartFiles parts;
    private long partRecords;
    private Logger log;
    private boolean prepared;
    private int part;
    private long recordsInPart;
    private long records;
    private final List<Integer> pending = new ArrayList<>();
    private boolean finished;
    private FileOutputStream file;
    private OutputStream out;
    private PartWriter<T> writer;

    /** Writes records of one part file. */
    interface PartWriter<T> {
        void write(T record) throws IOException;

        /** Pushes everything written into the stream it was opened on. */
        void flush() throws IOException;
    }

    /** Reads the format's options. */
    abstract void configure(Options options);

    abstract String extension();

    /**
     * @param fresh true for a new part (write its header, if the format has one), false when a restored
     *              part is continued
     */
    abstract PartWriter<T> openPart(OutputStream out, T first, boolean fresh) throws IOException;

    /** The format's own state (a CSV sink's columns), saved with the sink's. */
    void saveFormat(DataOutputStream out) throws IOException {
    }

    void loadFormat(DataInputStream in) throws IOException {
    }

    @Override
    public void open(StageContext context) {
        Options options = context.options();
        configure(options);
        partRecords = options.getLong("part-records", 1_000_000);
        if (partRecords < 1) {
            throw options.error("part-records", "must be at least 1");
        }
        parts = new PartFiles(options.getPath("path").toAbsolutePath(), options.getString("prefix", "part"),
                extension());
        log = context.logger();
    }

    @Override
    public void accept(T record) throws IOException {
        prepare();
        if (writer == null) {
            openCurrent(record, true);
        }
        writer.write(record);
        records++;
        if (++recordsInPart == partRecords) {
            closePart();
        }
    }

    @Override
    public Object finish() throws IOException {
        prepare();
        if (writer != null) {
            closePart();
        }
        finished = true;
        return records + " records in " + part + " part file(s) in " + parts.directory();
    }

    @Override
    public boolean checkpointWanted() {
        return !pending.isEmpty();
    }

    @Override
    public void checkpointSaved() throws IOException {
        for (int p : pending) {
            parts.commit(p);
        }
        pending.clear();
        if (finished) {
            parts.markSuccess();
        }
    }

    @Override
    public boolean snapshots() {
        return true;
    }

    @Override
    public void snapshot(OutputStream stream) throws IOException {
        long bytes = 0;
        if (writer != null) {
            writer.flush();
            out.flush();
            bytes = file.getChannel().position();
        }
        DataOutputStream state = new DataOutputStream(stream);
        state.writeInt(VERSION);
        state.writeInt(part);
        state.writeLong(recordsInPart);
        state.writeLong(bytes);
        state.writeLong(records);
        state.writeBoolean(finished);
        state.writeInt(pending.size());
        for (int p : pending) {
            state.writeInt(p);
        }
        saveFormat(state);
        state.flush();
    }

    @Override
    public void restore(InputStream stream) throws IOException {
        DataInputStream state = new DataInputStream(stream);
        if (state.readInt() != VERSION) {
            throw new IOException("not a snapshot of this sink");
        }
        part = state.readInt();
        recordsInPart = state.readLong();
        long bytes = state.readLong();
        records = state.readLong();
        finished = state.readBoolean();
        for (int n = state.readInt(); n > 0; n--) {
            parts.commit(state.readInt()); // the snapshot is saved: what it lists may be made visible
        }
        loadFormat(state);
        closeFile();
        parts.dropInProgressFrom(bytes > 0 ? part + 1 : part);
        if (bytes > 0) {
            parts.truncate(part, bytes);
            openCurrent(null, false);
        }
        prepared = true;
    }

    /** A sink that starts afresh removes what an earlier run (or this one before its first snapshot) left. */
    private void prepare() throws IOException {
        if (!prepared) {
            int removed = parts.clear();
            if (removed > 0) {
                log.info("removed {} part file(s) of an earlier run from {}", removed, parts.directory());
            }
            prepared = true;
        }
    }

    private void openCurrent(T first, boolean fresh) throws IOException {
        Path path = parts.inProgress(part);
        Files.createDirectories(path.getParent());
        file = new FileOutputStream(path.toFile(), !fresh);
        out = new BufferedOutputStream(file, 64 * 1024);
        writer = openPart(out, first, fresh);
    }

    private void closePart() throws IOException {
        writer.flush();
        out.flush();
        file.getFD().sync(); // on disk before the snapshot that commits it
        closeFile();
        pending.add(part);
        part++;
        recordsInPart = 0;
    }

    private void closeFile() throws IOException {
        writer = null;
        out = null;
        if (file != null) {
            file.close();
            file = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeFile(); // an open part stays in progress: a restart cuts it back and continues it
    }
}
