package dev.sluice.stages;

import dev.sluice.api.Aggregate;
import dev.sluice.api.Codec;
import dev.sluice.api.Options;
import dev.sluice.api.ResultFiles;
import dev.sluice.api.StageContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Built-in {@code collect}: writes every record's text, one per line, in arrival order. Options:
 * {@code output} (required), {@code codec} (default {@code string}: string, long, double, bytes,
 * key-count or a Codec class). Lines go to a temp file renamed over {@code output} at the end.
 */
public final class CollectAggregate implements Aggregate<Object> {
    private Codec<Object> codec;
    private Path output;
    private Path temp;
    private BufferedWriter writer;
    private long count;

    @Override
    public void validate(Options options) {
        TextRecords.codec(options);
        options.getPath("output");
    }

    @Override
    public void open(StageContext context) throws IOException {
        codec = TextRecords.codec(context.options());
        output = context.options().getPath("output").toAbsolutePath();
        Files.createDirectories(output.getParent());
        temp = output.resolveSibling("." + output.getFileName() + ".tmp");
        writer = ResultFiles.newPrivateWriter(temp);
    }

    @Override
    public Codec<Object> inputCodec() {
        return codec;
    }

    @Override
    public void accept(Object record) throws IOException {
        writer.write(TextRecords.text(record));
        writer.write('\n');
        count++;
    }

    /** Its temp file is its state, written again from the first record after a restart. */
    @Override
    public boolean snapshots() {
        return false;
    }

    @Override
    public Object finish() throws IOException {
        writer.close();
        writer = null;
        Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return count;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            Files.deleteIfExists(temp);
        }
    }
}
