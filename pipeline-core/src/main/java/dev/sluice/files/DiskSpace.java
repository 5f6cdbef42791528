package dev.sluice.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Allocating file blocks through ordinary writes, so that a full disk is an exception rather than a SIGBUS. */
public final class DiskSpace {
    private static final int BLOCK = 64 << 10;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(BLOCK);

    private DiskSpace() {
    }

    /** Writes zeros over {@code [from, to)}: only where nothing has been written (holes read as zeros anyway). */
    public static void zero(FileChannel channel, long from, long to) throws IOException {
        for (long at = from; at < to; ) {
            ByteBuffer zeros = ZEROS.duplicate();
            zeros.limit((int) Math.min(BLOCK, to - at));
            at += channel.write(zeros, at);
        }
    }

    /**
     * Allocates every block of a small memory-mapped file by writing back what it holds (holes read as
     * zeros). Only for a file no other process writes yet: a freshly created one.
     */
    public static void allocate(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            for (long at = 0, size = channel.size(); at < size; ) {
                block.clear().limit((int) Math.min(BLOCK, size - at));
                while (block.hasRemaining() && channel.read(block, at + block.position()) >= 0) {
                    // a read may return less than asked
                }
                block.flip();
                while (block.hasRemaining()) {
                    channel.write(block, at + block.position());
                }
                at += block.limit();
            }
        }
    }
}
