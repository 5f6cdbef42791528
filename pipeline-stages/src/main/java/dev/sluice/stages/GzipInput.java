package dev.sluice.stages;

import dev.sluice.api.BadInputException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip file's uncompressed bytes. Corrupt or truncated compressed data is a {@link BadInputException}
 * naming the file and the compressed byte where inflating stopped: no restart can read past it.
 */
final class GzipInput extends GZIPInputStream {
    private final Path file;
    private final Counted compressed;

    private GzipInput(Path file, Counted compressed, int bufferSize) throws IOException {
        super(compressed, bufferSize);
        this.file = file;
        this.compressed = compressed;
    }

    static InputStream open(Path file, InputStream in, int bufferSize) throws IOException {
        Counted counted = new Counted(in);
        try {
            return new GzipInput(file, counted, bufferSize);
        } catch (ZipException e) {
            throw new BadInputException(file + " is not gzip data (" + e.getMessage() + "), though its name ends in .gz");
        } catch (EOFException e) {
            throw new BadInputException(file + " is truncated: it ends at byte " + counted.count + ", inside its gzip header");
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (ZipException e) {
            throw new BadInputException("corrupt gzip data in " + file + " at compressed byte " + inflatedUpTo() + ": "
                    + e.getMessage(), e);
        } catch (EOFException e) {
            throw new BadInputException(file + " is truncated: its gzip data stops at byte " + compressed.count
                    + " (the end of the file) in the middle of a compressed stream", e);
        }
    }

    /** Compressed bytes the inflater has consumed: what was read from the file, less what it still holds. */
    private long inflatedUpTo() {
        return compressed.count - inf.getRemaining();
    }

    /** Counts the bytes read from the file. */
    private static final class Counted extends FilterInputStream {
        long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
