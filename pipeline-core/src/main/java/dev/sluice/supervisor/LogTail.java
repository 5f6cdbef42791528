package dev.sluice.supervisor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log, read from its last bytes only: a log of many gigabytes costs no more than a small one. */
public final class LogTail {
    static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    public static List<String> lines(Path log, int count) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long size = channel.size();
            int length = (int) Math.min(size, MAX_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            long position = size - length;
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                // read until the buffer is full or the file ends
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\r?\n", -1));
            if (position > 0 && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size()); // the first line is cut
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        }
    }
}
