package dev.sluice.stages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How much of a source's files has been read, in bytes, from its {@link FilePosition}: what makes a file source
 * a {@link dev.sluice.api.SizedSource}. Unknown (0) when a file is {@code .gz}, whose offsets count uncompressed bytes.
 */
final class InputSizes {
    private final long[] sizesBefore;
    private final long total;

    InputSizes(List<Path> files) {
        sizesBefore = new long[files.size() + 1];
        long sum = 0;
        boolean known = true;
        for (int i = 0; i < files.size(); i++) {
            sizesBefore[i] = sum;
            Path file = files.get(i);
            try {
                known &= !file.getFileName().toString().endsWith(".gz");
                sum += Files.size(file);
            } catch (IOException e) {
                known = false; // reading it fails the run with a clearer error than this
            }
        }
        sizesBefore[files.size()] = sum;
        total = known ? sum : 0;
    }

    long total() {
        return total;
    }

    /** Bytes before {@code position}. */
    long done(long position) {
        int file = Math.min(FilePosition.fileIndex(position), sizesBefore.length - 1);
        return Math.min(total, sizesBefore[file] + (file < sizesBefore.length - 1 ? FilePosition.offset(position) : 0));
    }
}
